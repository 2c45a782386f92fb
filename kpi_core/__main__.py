"""``python -m kpi_core …``: see kpi_core/cli.py."""

import sys

from kpi_core.cli import main

sys.exit(main())
