"""``python -m kpi_core …``: see kpi_core/cli.py."""

import sys

import kpi_core.explain  # noqa: F401  registers the explain-change subcommand
from kpi_core.cli import main

sys.exit(main())
