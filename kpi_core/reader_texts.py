"""What the readers say, in English, Norwegian and Swedish: findings, places and why a row was left out.

A reader writes ``fmt.Note(key, **values)``: its English text (what the command line prints and the tests
read), with the key and values kept so the Data page and the diagnostics can write it in the user's
language. Placed apart from the interface texts in fmt.py (which merges them) because there are many.
Keys: ``r_`` a reason a line was left out, ``f_`` a finding, ``w_`` a place or a piece of wording.
"""

TEXTS: dict[str, dict[str, str]] = {
    # --- why a line is not a data row ---------------------------------------------------------
    "r_blank": {"en": "blank line", "nb": "tom linje", "sv": "tom rad"},
    "r_comment": {"en": "comment line", "nb": "kommentarlinje", "sv": "kommentarsrad"},
    "r_title": {"en": "title line", "nb": "tittellinje", "sv": "titelrad"},
    "r_date_range": {"en": "date-range line", "nb": "linje med datoperiode", "sv": "rad med datumintervall"},
    "r_copyright": {"en": "copyright line", "nb": "opphavsrettslinje", "sv": "upphovsrättsrad"},
    "r_preamble": {"en": "report preamble '{text}'", "nb": "rapportinnledning '{text}'",
                   "sv": "rapportinledning '{text}'"},
    "r_ragged": {"en": "ragged line: {fields} fields where the header has {width}",
                 "nb": "ujevn linje: {fields} felt der overskriftslinjen har {width}",
                 "sv": "ojämn rad: {fields} fält där rubrikraden har {width}"},
    "r_second_table": {"en": "second table '{header}' (not read)", "nb": "en tabell til, '{header}' (ikke lest)",
                       "sv": "ännu en tabell, '{header}' (inte läst)"},
    "r_summary_cell": {"en": "summary row '{cell}'", "nb": "summeringsrad '{cell}'", "sv": "summeringsrad '{cell}'"},
    "r_summary_blank": {"en": "summary row (dimension cells blank, measures filled)",
                        "nb": "summeringsrad (dimensjonscellene er tomme, tallene fylt ut)",
                        "sv": "summeringsrad (dimensionscellerna är tomma, siffrorna ifyllda)"},
    "r_header_repeated": {"en": "the header repeated (two exports joined into one file?)",
                          "nb": "overskriftslinjen gjentatt (to eksporter slått sammen i én fil?)",
                          "sv": "rubrikraden upprepad (två exporter sammanslagna i en fil?)"},
    "r_comparison": {"en": "comparison period '{period}' (only '{first}' is read)",
                     "nb": "sammenligningsperiode '{period}' (bare '{first}' leses)",
                     "sv": "jämförelseperiod '{period}' (bara '{first}' läses)"},
    # --- places ---------------------------------------------------------------------------------
    "w_line": {"en": "line {line}", "nb": "linje {line}", "sv": "rad {line}"},
    "w_lines": {"en": "lines {shown}{more}", "nb": "linje {shown}{more}", "sv": "rad {shown}{more}"},
    "w_line_range": {"en": "lines 1-{last}", "nb": "linje 1-{last}", "sv": "rad 1-{last}"},
    "w_column": {"en": "column '{column}'", "nb": "kolonne '{column}'", "sv": "kolumn '{column}'"},
    "w_and_more": {"en": " and {n} more", "nb": " og {n} til", "sv": " och {n} till"},
    "w_and": {"en": " and ", "nb": " og ", "sv": " och "},
    "w_line_example": {"en": "line {line}: {text}", "nb": "linje {line}: {text}", "sv": "rad {line}: {text}"},
    "w_second_table": {"en": "line {line}: a second table '{header}'", "nb": "linje {line}: en tabell til, '{header}'",
                       "sv": "rad {line}: ännu en tabell, '{header}'"},
    "w_month_first": {"en": "month first", "nb": "med måneden først", "sv": "med månaden först"},
    "w_day_first": {"en": "day first", "nb": "med dagen først", "sv": "med dagen först"},
    "w_closer": {"en": "{order}, under which they span {near} rather than {far}",
                 "nb": "{order}, som gir et spenn på {near} i stedet for {far}",
                 "sv": "{order}, som ger ett spann på {near} i stället för {far}"},
    "w_day": {"en": "{n} day", "nb": "{n} dag", "sv": "{n} dag"},
    "w_days": {"en": "{n} days", "nb": "{n} dager", "sv": "{n} dagar"},
    "w_campaigns_named": {"en": "{n} campaign(s) ({names})", "nb": "{n} kampanje(r) ({names})",
                          "sv": "{n} kampanj(er) ({names})"},
    "w_same_account": {"en": "the same account", "nb": "den samme kontoen", "sv": "samma konto"},
    # --- how the file was read --------------------------------------------------------------------
    "f_xls_text": {"en": "The file is named .xls but holds a text table; it was read as text.",
                   "nb": "Filen heter .xls, men inneholder en teksttabell; den ble lest som tekst.",
                   "sv": "Filen heter .xls men innehåller en texttabell; den lästes som text."},
    "f_windows_1252": {"en": "The file is not UTF-8; it was read as Windows-1252.",
                       "nb": "Filen er ikke UTF-8; den ble lest som Windows-1252.",
                       "sv": "Filen är inte UTF-8; den lästes som Windows-1252."},
    "f_sheet": {"en": "Read sheet '{sheet}' of {n} sheets.", "nb": "Leste arket '{sheet}' av {n} ark.",
                "sv": "Läste bladet '{sheet}' av {n} blad."},
    "f_other_decimal_mark": {
        "en": "column '{column}' writes decimals with a comma, but some cells with a point ({examples}): those "
              "were read with the point, the only way they read; check them in the sheet.",
        "nb": "kolonnen '{column}' skriver desimaler med komma, men noen celler med punktum ({examples}): de er lest "
              "med punktum, den eneste måten de kan leses på; sjekk dem i arket.",
        "sv": "kolumnen '{column}' skriver decimaler med komma, men några celler med punkt ({examples}): de är lästa "
              "med punkt, det enda sätt de kan läsas på; kontrollera dem i arket."},
    "f_no_spend": {
        "en": "no cost column was recognised in this {platform} export: CPM, CPC, CPA and ROAS cannot be computed. "
              "Map the cost column in the column mapping (or with a recipe on the command line).",
        "nb": "ingen kostnadskolonne ble gjenkjent i denne {platform}-eksporten: CPM, CPC, CPA og ROAS kan ikke "
              "beregnes. Koble kostnadskolonnen i kolonneoppsettet (eller med en oppskrift på kommandolinjen).",
        "sv": "ingen kostnadskolumn kändes igen i den här {platform}-exporten: CPM, CPC, CPA och ROAS kan inte "
              "beräknas. Koppla kostnadskolumnen i kolumnmappningen (eller med ett recept på kommandoraden)."},
    "f_orders_twice": {
        "en": "{n} order(s) of this file are also in {files} (the same order number, e.g. {first}): counted once, "
              "from the first file.",
        "nb": "{n} ordre i denne filen finnes også i {files} (samme ordrenummer, f.eks. {first}): telt én gang, "
              "fra den første filen.",
        "sv": "{n} order i den här filen finns också i {files} (samma ordernummer, t.ex. {first}): räknade en "
              "gång, från den första filen."},
    "f_sheets_left_out": {"en": "Not read: {sheets} (hidden, or a budget or plan); only the sheet above is.",
                          "nb": "Ikke lest: {sheets} (skjult, eller et budsjett eller en plan); bare arket over "
                                "er lest.",
                          "sv": "Inte läst: {sheets} (dold, eller en budget eller plan); bara bladet ovan är läst."},
    "f_sheet_instead": {"en": "Sheet '{tried}' could not be read ({problem}); read sheet '{sheet}' instead.",
                        "nb": "Arket '{tried}' kunne ikke leses ({problem}); leste arket '{sheet}' i stedet.",
                        "sv": "Bladet '{tried}' kunde inte läsas ({problem}); läste bladet '{sheet}' i stället."},
    "f_ragged": {"en": "{reason}; the line was left out.", "nb": "{reason}; linjen er utelatt.",
                 "sv": "{reason}; raden är utelämnad."},
    "f_other_table": {"en": "{table}: read on its own if you need it (only the first table is used).",
                      "nb": "{table}: les den for seg hvis du trenger den (bare den første tabellen brukes).",
                      "sv": "{table}: läs in den för sig om du behöver den (bara den första tabellen används)."},
    "f_preamble": {"en": "{n} line(s) above the header skipped: {shown}",
                   "nb": "{n} linje(r) over overskriftslinjen hoppet over: {shown}",
                   "sv": "{n} rad(er) ovanför rubrikraden hoppades över: {shown}"},
    "f_unrecognised": {"en": "not recognised: {names}. If one of them holds a measure or a dimension, map it "
                             "(the mapping can be saved as a recipe).",
                       "nb": "ikke gjenkjent: {names}. Hvis en av dem inneholder et tall eller en dimensjon, "
                             "koble den (koblingen kan lagres som en oppskrift).",
                       "sv": "inte igenkänd: {names}. Om någon av dem innehåller en siffra eller en dimension, "
                             "koppla den (kopplingen kan sparas som ett recept)."},
    "f_average": {"en": "'{source}' is an average per {unit}, and the file has no {times} column: it is left out.",
                  "nb": "'{source}' er et gjennomsnitt per {unit}, og filen har ingen kolonne for {times}: "
                        "den er utelatt.",
                  "sv": "'{source}' är ett genomsnitt per {unit}, och filen har ingen kolumn för {times}: "
                        "den är utelämnad."},
    "f_kr": {"en": "money in '{column}' is written in 'kr', which could be NOK, SEK or DKK: add a currency column "
                   "or map one.",
             "nb": "beløpene i '{column}' står i 'kr', som kan være NOK, SEK eller DKK: legg til en valutakolonne "
                   "eller koble en.",
             "sv": "beloppen i '{column}' står i 'kr', som kan vara NOK, SEK eller DKK: lägg till en valutakolumn "
                   "eller koppla en."},
    "f_ambiguous_dates": {
        "en": "the dates in '{column}' have no day or month above 12, so their order cannot be told from the file: "
              "they are read {order} ('{text}' = {date}). If that is wrong, write the dates as YYYY-MM-DD and "
              "upload the file again.",
        "nb": "datoene i '{column}' har ingen dag eller måned over 12, så rekkefølgen kan ikke leses ut av filen: "
              "de er lest {order} ('{text}' = {date}). Hvis det er feil, skriv datoene som ÅÅÅÅ-MM-DD og last "
              "opp filen på nytt.",
        "sv": "datumen i '{column}' har ingen dag eller månad över 12, så ordningen går inte att läsa ut ur filen: "
              "de är lästa {order} ('{text}' = {date}). Om det är fel, skriv datumen som ÅÅÅÅ-MM-DD och ladda "
              "upp filen igen."},
    # --- what looks wrong (quality.py) --------------------------------------------------------------
    "f_clicks_over_impressions": {
        "en": "more clicks than impressions on {n} row(s): check the export or the column mapping.",
        "nb": "flere klikk enn visninger på {n} rad(er): sjekk eksporten eller kolonnekoblingen.",
        "sv": "fler klick än visningar på {n} rad(er): kontrollera exporten eller kolumnkopplingen."},
    "f_conversions_over_clicks": {
        "en": "more conversions than clicks on {n} row(s): conversions may be counted twice (double tracking) or "
              "include view-through.",
        "nb": "flere konverteringer enn klikk på {n} rad(er): konverteringer kan være telt to ganger "
              "(dobbeltsporing) eller inkludere visningskonverteringer.",
        "sv": "fler konverteringar än klick på {n} rad(er): konverteringar kan vara räknade två gånger "
              "(dubbelspårning) eller inkludera visningskonverteringar."},
    "f_view_through": {
        "en": "conversions above clicks on {n} row(s): expected here, the conversions include view-through ones "
              "(people who saw the ad and converted without clicking), so the conversion rate per click can pass "
              "100 %.",
        "nb": "flere konverteringer enn klikk på {n} rad(er): ventet her, konverteringene inkluderer "
              "visningskonverteringer (folk som så annonsen og konverterte uten å klikke), så "
              "konverteringsraten per klikk kan gå over 100 %.",
        "sv": "fler konverteringar än klick på {n} rad(er): väntat här, konverteringarna inkluderar "
              "visningskonverteringar (personer som såg annonsen och konverterade utan att klicka), så "
              "konverteringsgraden per klick kan gå över 100 %."},
    "f_negative": {"en": "negative {measure} on {n} row(s).", "nb": "negativ {measure} på {n} rad(er).",
                   "sv": "negativ {measure} på {n} rad(er)."},
    "f_future": {"en": "{n} row(s) dated in the future.", "nb": "{n} rad(er) datert fram i tid.",
                 "sv": "{n} rad(er) daterade i framtiden."},
    "f_duplicates": {"en": "rows with the same date and dimensions: possible double tracking (or a breakdown column "
                           "missing from the export).",
                     "nb": "rader med samme dato og dimensjoner: mulig dobbeltsporing (eller en oppdelingskolonne "
                           "mangler i eksporten).",
                     "sv": "rader med samma datum och dimensioner: möjlig dubbelspårning (eller en "
                           "uppdelningskolumn saknas i exporten)."},
    "f_more_duplicates": {"en": "{n} more groups of repeated rows.", "nb": "{n} grupper til med gjentatte rader.",
                          "sv": "{n} grupper till med upprepade rader."},
    "f_missing_days": {"en": "{n} day(s) between {lo} and {hi} have no rows: {shown}{more}.",
                       "nb": "{n} dag(er) mellom {lo} og {hi} har ingen rader: {shown}{more}.",
                       "sv": "{n} dag(ar) mellan {lo} och {hi} har inga rader: {shown}{more}."},
    "f_whole_period": {
        "en": "no date column: every row covers the report's period, {lo} to {hi} (from the lines above the "
              "header), as a whole. It counts in a period that covers all of those days and in no shorter one.",
        "nb": "ingen datokolonne: hver rad gjelder rapportens periode, {lo} til {hi} (fra linjene over "
              "overskriften), samlet. Den teller i en periode som dekker alle de dagene, og i ingen kortere.",
        "sv": "ingen datumkolumn: varje rad gäller rapportens period, {lo} till {hi} (från raderna ovanför "
              "rubriken), sammanlagt. Den räknas i en period som täcker alla de dagarna och i ingen kortare."},
    "f_days_outside_rows": {
        "en": "the report covers {lo} to {hi}, its rows {first} to {last}: no activity on the days before or after "
              "(ad platforms leave such days out).",
        "nb": "rapporten dekker {lo} til {hi}, radene {first} til {last}: ingen aktivitet dagene før eller etter "
              "(annonseplattformene utelater slike dager).",
        "sv": "rapporten täcker {lo} till {hi}, raderna {first} till {last}: ingen aktivitet dagarna före eller "
              "efter (annonsplattformarna utelämnar sådana dagar)."},
    "f_empty_column": {"en": "column '{column}' is empty in every row.",
                       "nb": "kolonnen '{column}' er tom i alle rader.",
                       "sv": "kolumnen '{column}' är tom på alla rader."},
    "f_masked": {"en": "masked low values: {n} cell(s) in '{column}' are hidden by the platform (such as '<5') and "
                       "read as empty.",
                 "nb": "skjulte lave verdier: {n} celle(r) i '{column}' er skjult av plattformen (som '<5') og lest "
                       "som tomme.",
                 "sv": "dolda låga värden: {n} cell(er) i '{column}' är dolda av plattformen (som '<5') och lästa "
                       "som tomma."},
    "f_bad_cells": {"en": "{n} cell(s) in '{column}' could not be read and are left empty ({examples}).",
                    "nb": "{n} celle(r) i '{column}' kunne ikke leses og er latt stå tomme ({examples}).",
                    "sv": "{n} cell(er) i '{column}' kunde inte läsas och lämnas tomma ({examples})."},
    "f_mixed_currencies": {"en": "mixed currencies {codes}: money is reported per currency until you give exchange "
                                 "rates (Goal page, business inputs) or pick one in the Currency filter.",
                           "nb": "blandede valutaer {codes}: beløp vises per valuta til du oppgir valutakurser "
                                 "(Mål-siden, forretningstall) eller velger én i valutafilteret.",
                           "sv": "blandade valutor {codes}: belopp visas per valuta tills du anger växelkurser "
                                 "(Mål-sidan, affärsdata) eller väljer en i valutafiltret."},
    "f_overlap": {"en": "{file_a} and {file_b} both hold {platform} data for {n} {keys} combination(s) between {lo} "
                        "and {hi}: remove one file, or the overlap is counted twice.",
                  "nb": "{file_a} og {file_b} har begge {platform}-data for {n} kombinasjon(er) av {keys} mellom "
                        "{lo} og {hi}: fjern én fil, ellers telles overlappet to ganger.",
                  "sv": "{file_a} och {file_b} har båda {platform}-data för {n} kombination(er) av {keys} mellan "
                        "{lo} och {hi}: ta bort en fil, annars räknas överlappet två gånger."},
    "f_period_overlap": {
        "en": "{file_a} and {file_b} both hold {platform} totals of {what} for {lo} to {hi} (their rows cover the "
              "period, not days): two breakdowns of one report (age and gender, device and network) each add up "
              "to the same totals, so they are counted twice. Keep one file.",
        "nb": "{file_a} og {file_b} har begge {platform}-totaler for {what} for {lo} til {hi} (radene dekker "
              "perioden, ikke dager): to oppdelinger av én rapport (alder og kjønn, enhet og nettverk) summerer "
              "hver til de samme totalene, så de telles to ganger. Behold én fil.",
        "sv": "{file_a} och {file_b} har båda {platform}-summor för {what} för {lo} till {hi} (raderna täcker "
              "perioden, inte dagar): två uppdelningar av en rapport (ålder och kön, enhet och nätverk) summerar "
              "var för sig till samma summor, så de räknas två gånger. Behåll en fil."},
    "f_customer_tables": {
        "en": "{files} are both customer tables of one kind: a customer in both is counted twice. Load one, unless "
              "they hold different customers.",
        "nb": "{files} er begge kundetabeller av samme slag: en kunde som står i begge, telles to ganger. Last inn "
              "én, med mindre de har ulike kunder.",
        "sv": "{files} är båda kundtabeller av samma slag: en kund som finns i båda räknas två gånger. Läs in en, "
              "om de inte innehåller olika kunder."},
    # --- platforms ----------------------------------------------------------------------------------
    "f_meta_no_indicator": {
        "en": "Meta 'Results' without a result indicator: they may count clicks or reach, so they are not used as "
              "conversions.",
        "nb": "Meta-'Resultater' uten resultatindikator: de kan telle klikk eller rekkevidde, så de brukes ikke "
              "som konverteringer.",
        "sv": "Meta-'Resultat' utan resultatindikator: de kan räkna klick eller räckvidd, så de används inte som "
              "konverteringar."},
    "f_meta_other_results": {
        "en": "{n} row(s) of Meta 'Results' count something other than purchases or leads; they are not counted as "
              "conversions.",
        "nb": "{n} rad(er) med Meta-'Resultater' teller noe annet enn kjøp eller potensielle kunder; de telles "
              "ikke som konverteringer.",
        "sv": "{n} rad(er) med Meta-'Resultat' räknar något annat än köp eller potentiella kunder; de räknas inte "
              "som konverteringar."},
    "f_meta_leads": {
        "en": "Meta 'Results' of {n} lead row(s) are the leads (and conversions): the file has no Leads column.",
        "nb": "Meta-'Resultater' på {n} rad(er) med potensielle kunder er leadsene (og konverteringene): filen "
              "har ingen kolonne for leads.",
        "sv": "Meta-'Resultat' på {n} rad(er) med potentiella kunder är leadsen (och konverteringarna): filen "
              "har ingen kolumn för leads."},
    "f_personal": {"en": "{columns} dropped as personal data (customers are identified by a salted hash).",
                   "nb": "{columns} utelatt som personopplysninger (kundene kjennes igjen på en saltet hash).",
                   "sv": "{columns} utelämnade som personuppgifter (kunderna känns igen på en saltad hash)."},
    "f_cancelled": {"en": "{n} cancelled order(s) left out of the totals: {ids}.",
                    "nb": "{n} kansellert(e) ordre utelatt fra totalene: {ids}.",
                    "sv": "{n} annullerad(e) order utelämnade ur summorna: {ids}."},
    "f_no_sale": {"en": "{n} order(s) that are no sale (cancelled, failed, pending…) left out of the totals: {ids}.",
                  "nb": "{n} ordre som ikke er salg (kansellert, mislykket, venter…) utelatt fra totalene: {ids}.",
                  "sv": "{n} order som inte är försäljning (annullerad, misslyckad, väntande…) utelämnade ur "
                        "summorna: {ids}."},
    "f_deals_over_orders": {
        "en": "{n} customer(s) have more discounted purchases (NumDealsPurchases) than web, catalogue and store "
              "purchases together: orders count only those three, check the export.",
        "nb": "{n} kunde(r) har flere rabattkjøp (NumDealsPurchases) enn kjøp på nett, fra katalog og i butikk til "
              "sammen: ordrene teller bare de tre, sjekk eksporten.",
        "sv": "{n} kund(er) har fler rabattköp (NumDealsPurchases) än köp på webben, från katalog och i butik "
              "tillsammans: ordrarna räknar bara de tre, kontrollera exporten."},
    # --- files that cannot be used (ReadError: '{file}: {problem}') ------------------------------
    "e_file": {"en": "{file}: {problem}", "nb": "{file}: {problem}", "sv": "{file}: {problem}"},
    "e_empty": {"en": "the file is empty. Export the report again and upload the new file.",
                "nb": "filen er tom. Eksporter rapporten på nytt og last opp den nye filen.",
                "sv": "filen är tom. Exportera rapporten igen och ladda upp den nya filen."},
    "e_fake_workbook": {"en": "is named like an Excel workbook but is not one. Export it again as .xlsx or .csv.",
                        "nb": "heter som en Excel-arbeidsbok, men er ingen. Eksporter den på nytt som .xlsx eller "
                              ".csv.",
                        "sv": "heter som en Excel-arbetsbok men är ingen. Exportera den igen som .xlsx eller .csv."},
    "e_signature": {"en": "is {what}, not a CSV export. Upload the CSV or XLSX file you downloaded.",
                    "nb": "er {what}, ikke en CSV-eksport. Last opp CSV- eller XLSX-filen du lastet ned.",
                    "sv": "är {what}, inte en CSV-export. Ladda upp CSV- eller XLSX-filen du laddade ned."},
    "e_web_page": {"en": "is a web page (HTML or XML), not a CSV export: the download may have stopped at a "
                         "sign-in or error page. Download the export again as CSV or XLSX.",
                   "nb": "er en nettside (HTML eller XML), ikke en CSV-eksport: nedlastingen kan ha stoppet på en "
                         "innloggings- eller feilside. Last ned eksporten på nytt som CSV eller XLSX.",
                   "sv": "är en webbsida (HTML eller XML), inte en CSV-export: nedladdningen kan ha stannat på en "
                         "inloggnings- eller felsida. Ladda ned exporten igen som CSV eller XLSX."},
    "e_binary": {"en": "holds binary data, not text. Upload the CSV or XLSX file the platform exported.",
                 "nb": "inneholder binærdata, ikke tekst. Last opp CSV- eller XLSX-filen plattformen eksporterte.",
                 "sv": "innehåller binärdata, inte text. Ladda upp CSV- eller XLSX-filen som plattformen exporterade."},
    "e_blank": {"en": "holds only blank lines. Export the report again and upload the new file.",
                "nb": "har bare tomme linjer. Eksporter rapporten på nytt og last opp den nye filen.",
                "sv": "har bara tomma rader. Exportera rapporten igen och ladda upp den nya filen."},
    "e_comments": {"en": "holds only '#' comment lines and no table. Export the report again with data in it.",
                   "nb": "har bare '#'-kommentarlinjer og ingen tabell. Eksporter rapporten på nytt med data i.",
                   "sv": "har bara '#'-kommentarsrader och ingen tabell. Exportera rapporten igen med data i."},
    "e_no_workbook": {"en": "could not be opened as an Excel workbook. Save it again as .xlsx or export it as CSV.",
                      "nb": "kunne ikke åpnes som en Excel-arbeidsbok. Lagre den på nytt som .xlsx eller eksporter "
                            "den som CSV.",
                      "sv": "kunde inte öppnas som en Excel-arbetsbok. Spara den igen som .xlsx eller exportera den "
                            "som CSV."},
    "e_no_cells": {"en": "has no filled cells in any sheet. Export the report again and upload the new file.",
                   "nb": "har ingen utfylte celler i noe ark. Eksporter rapporten på nytt og last opp den nye filen.",
                   "sv": "har inga ifyllda celler i något blad. Exportera rapporten igen och ladda upp den nya "
                         "filen."},
    "e_too_big": {"en": "the file is {mb} MB, over the {limit} MB limit: export a shorter period or fewer columns.",
                  "nb": "filen er {mb} MB, over grensen på {limit} MB: eksporter en kortere periode eller færre "
                        "kolonner.",
                  "sv": "filen är {mb} MB, över gränsen på {limit} MB: exportera en kortare period eller färre "
                        "kolumner."},
    "e_not_a_table": {"en": "could not be read as a table ({error}): export it again as CSV or XLSX.",
                      "nb": "kunne ikke leses som en tabell ({error}): eksporter den på nytt som CSV eller XLSX.",
                      "sv": "kunde inte läsas som en tabell ({error}): exportera den igen som CSV eller XLSX."},
    "e_no_rows": {"en": "has a header ({shown}…) but no data rows: export a period with data.",
                  "nb": "har en overskriftslinje ({shown}…), men ingen datarader: eksporter en periode med data.",
                  "sv": "har en rubrikrad ({shown}…) men inga datarader: exportera en period med data."},
    "e_key_values": {"en": "is a list of '{first} …' values (one report's summary), not a table: export the list "
                           "of campaigns (all campaigns, one row each) instead.",
                     "nb": "er en liste med '{first} …'-verdier (sammendraget av én rapport), ikke en tabell: "
                           "eksporter heller listen over kampanjer (alle kampanjer, én rad hver).",
                     "sv": "är en lista med '{first} …'-värden (sammanfattningen av en rapport), inte en tabell: "
                           "exportera hellre listan över kampanjer (alla kampanjer, en rad var)."},
    "e_no_measure": {"en": "found columns {columns}; none is a cost, impressions, clicks, sessions, conversions, "
                           "revenue or e-mail deliveries column: rename a header or use the mapping.",
                     "nb": "fant kolonnene {columns}; ingen av dem er en kolonne for kostnad, visninger, klikk, økter, "
                           "konverteringer, omsetning eller leverte e-poster: gi en overskrift nytt navn eller bruk "
                           "koblingen.",
                     "sv": "hittade kolumnerna {columns}; ingen av dem är en kolumn för kostnad, visningar, klick, "
                           "sessioner, konverteringar, intäkter eller levererade e-postmeddelanden: byt namn på en "
                           "rubrik eller använd kopplingen."},
    "e_only_summary": {"en": "has only summary rows ({reason}, line {line}): export the report with its rows (by "
                             "day, campaign or another breakdown), not only its total.",
                       "nb": "har bare summeringsrader ({reason}, linje {line}): eksporter rapporten med radene (per "
                             "dag, kampanje eller en annen oppdeling), ikke bare totalen.",
                       "sv": "har bara summeringsrader ({reason}, rad {line}): exportera rapporten med raderna (per "
                             "dag, kampanj eller en annan uppdelning), inte bara totalen."},
    "e_ragged": {"en": "most lines ({ragged} of {total}) do not have the {width} fields of the header on line "
                       "{line}. Check that the file is a single table and export it again.",
                 "nb": "de fleste linjene ({ragged} av {total}) har ikke de {width} feltene i overskriftslinjen på "
                       "linje {line}. Sjekk at filen er én tabell, og eksporter den på nytt.",
                 "sv": "de flesta raderna ({ragged} av {total}) har inte de {width} fälten i rubrikraden på rad "
                       "{line}. Kontrollera att filen är en enda tabell och exportera den igen."},
    "e_bad_csv": {"en": "line {line} cannot be read as CSV ({error}). Export the report again.",
                  "nb": "linje {line} kan ikke leses som CSV ({error}). Eksporter rapporten på nytt.",
                  "sv": "rad {line} kan inte läsas som CSV ({error}). Exportera rapporten igen."},
    # --- what a platform's export means (platform notes, said once per file) ----------------------
    "p_meta_results": {
        "en": "Meta 'Results' counts whatever each row's result indicator is (purchases, leads, link clicks, "
              "reach…): it is used as conversions only on rows whose indicator is a purchase or a lead, and "
              "only when the file has no Purchases column; lead rows give the leads too when the file has "
              "no Leads column.",
        "nb": "Meta-kolonnen 'Resultater' teller det radens resultatindikator er (kjøp, leads, lenkeklikk, "
              "rekkevidde…): den brukes som konverteringer bare på rader der indikatoren er et kjøp eller et "
              "lead, og bare når filen ikke har en kolonne for kjøp; lead-rader gir også leads når filen ikke "
              "har en kolonne for leads.",
        "sv": "Meta-kolumnen 'Resultat' räknar det som radens resultatindikator är (köp, leads, länkklick, "
              "räckvidd…): den används som konverteringar bara på rader där indikatorn är ett köp eller ett "
              "lead, och bara när filen saknar en kolumn för köp; lead-rader ger också leads när filen saknar "
              "en kolumn för leads."},
    "p_meta_ends": {
        "en": "Meta 'Reporting starts' is the date; 'Reporting ends' is kept as date_end when a row covers "
              "several days.",
        "nb": "Metas 'Rapportering starter' er datoen; 'Rapportering slutter' beholdes som sluttdato når en rad "
              "dekker flere dager.",
        "sv": "Metas 'Rapporteringsstart' är datumet; 'Rapporteringsslut' behålls som slutdatum när en rad "
              "täcker flera dagar."},
    "p_linkedin_conversions": {
        "en": "LinkedIn 'Post-Click Conversions' are the conversions when the file has them; 'Conversions' adds "
              "view-through conversions.",
        "nb": "LinkedIns 'Post-Click Conversions' er konverteringene når filen har dem; 'Conversions' legger til "
              "visningskonverteringer.",
        "sv": "LinkedIns 'Post-Click Conversions' är konverteringarna när filen har dem; 'Conversions' lägger "
              "till visningskonverteringar."},
    "p_ua_rates": {
        "en": "Universal Analytics 'Bounce Rate', 'Pages / Session' and 'Avg. Session Duration' are turned back "
              "into bounces, pageviews and engagement seconds by multiplying with the row's sessions.",
        "nb": "Universal Analytics' 'Fluktfrekvens', 'Sider/økt' og 'Gj.sn. øktvarighet' gjøres om til "
              "fluktøkter, sidevisninger og engasjementssekunder ved å gange med radens økter.",
        "sv": "Universal Analytics 'Avvisningsfrekvens', 'Sidor/session' och 'Genomsn. sessionslängd' görs om "
              "till avvisningar, sidvisningar och engagemangssekunder genom att multiplicera med radens "
              "sessioner."},
    "p_kag": {
        "en": "Facebook ads (KAG): one row per ad, no date column (Segments and Funnel work, periods cannot be "
              "compared). Total_Conversion includes view-through conversions; Approved_Conversion is not added "
              "(see its mapping rule).",
        "nb": "Facebook-annonser (KAG): én rad per annonse, ingen datokolonne (Segmenter og Trakt fungerer, "
              "perioder kan ikke sammenlignes). Total_Conversion tar med visningskonverteringer; "
              "Approved_Conversion legges ikke til (se koblingsregelen).",
        "sv": "Facebook-annonser (KAG): en rad per annons, ingen datumkolumn (Segment och Tratt fungerar, "
              "perioder kan inte jämföras). Total_Conversion inkluderar visningskonverteringar; "
              "Approved_Conversion läggs inte till (se kopplingsregeln)."},
    "p_shopify": {
        "en": "Shopify: one order per 'Name' (line-item rows grouped); cancelled orders stay in the order list "
              "but count in no total; revenue is the order total minus refunds.",
        "nb": "Shopify: én ordre per 'Name' (varelinjene slått sammen); kansellerte ordre blir stående i "
              "ordrelisten, men telles ikke i noen total; omsetningen er ordretotalen minus refusjoner.",
        "sv": "Shopify: en order per 'Name' (orderraderna sammanslagna); annullerade order står kvar i "
              "orderlistan men räknas inte i någon summa; intäkten är orderns summa minus återbetalningar."},
    "p_woocommerce": {
        "en": "WooCommerce: statuses {statuses} are no sale (left out of every total); a refunded order's "
              "revenue is taken off.",
        "nb": "WooCommerce: statusene {statuses} er ikke salg (utelatt fra alle totaler); en refundert ordres "
              "omsetning trekkes fra.",
        "sv": "WooCommerce: statusarna {statuses} är ingen försäljning (utelämnade ur alla summor); en "
              "återbetald orders intäkt dras av."},
    "p_linkedin_breakdown": {
        "en": "LinkedIn conversion breakdown: {delivery} repeat on each conversion action's row; they are "
              "counted once per {keys}, conversions over all actions.",
        "nb": "LinkedIn-oppdeling per konvertering: {delivery} gjentas på raden til hver konverteringshandling; "
              "de telles én gang per {keys}, konverteringene over alle handlingene.",
        "sv": "LinkedIn-uppdelning per konvertering: {delivery} upprepas på raden för varje "
              "konverteringshändelse; de räknas en gång per {keys}, konverteringarna över alla händelser."},
    "p_ifood": {
        "en": "iFood customer table: one row per customer. Revenue = the Mnt amounts (the last 2 years); orders "
              "= web + catalogue + store purchases (NumDealsPurchases counts discounted purchases among those, "
              "so it is not added); repeat customers have 2 or more purchases. These carry no dates, so the "
              "table has no periods to compare: Segments and Funnel use it; the Loyalty page needs dated orders.",
        "nb": "iFood-kundetabell: én rad per kunde. Omsetning = Mnt-beløpene (de siste 2 årene); ordre = kjøp "
              "på nett + fra katalog + i butikk (NumDealsPurchases teller rabatterte kjøp blant dem, så den "
              "legges ikke til); gjenkjøpende kunder har 2 eller flere kjøp. Tabellen har ingen datoer og "
              "dermed ingen perioder å sammenligne: Segmenter og Trakt bruker den; Lojalitet-siden trenger "
              "daterte ordre.",
        "sv": "iFood-kundtabell: en rad per kund. Intäkt = Mnt-beloppen (de senaste 2 åren); order = köp på "
              "webben + från katalog + i butik (NumDealsPurchases räknar rabatterade köp bland dem, så den "
              "läggs inte till); återkommande kunder har 2 eller fler köp. Tabellen har inga datum och därmed "
              "inga perioder att jämföra: Segment och Tratt använder den; Lojalitetssidan behöver daterade "
              "order."},
    "p_ifood_enrolled": {
        "en": "Dt_Customer, the enrolment date, runs from {lo} to {hi}; new customers by year of enrolment: "
              "{per_year}. It dates when customers joined, not their purchases.",
        "nb": "Dt_Customer, innmeldingsdatoen, går fra {lo} til {hi}; nye kunder per innmeldingsår: "
              "{per_year}. Den daterer når kundene ble med, ikke kjøpene deres.",
        "sv": "Dt_Customer, inskrivningsdatumet, går från {lo} till {hi}; nya kunder per inskrivningsår: "
              "{per_year}. Det daterar när kunderna gick med, inte deras köp."},
    "r_no_customer_id": {"en": "no customer ID", "nb": "ingen kunde-ID", "sv": "inget kund-ID"},
    "r_same_customer": {"en": "the same customer ID as line {line}: counted once",
                        "nb": "samme kunde-ID som linje {line}: telles én gang",
                        "sv": "samma kund-ID som rad {line}: räknas en gång"},
    "e_shopify_no_name": {
        "en": "looks like a Shopify orders export but has no 'Name' (order number) column.",
        "nb": "ser ut som en ordreeksport fra Shopify, men mangler kolonnen 'Name' (ordrenummeret).",
        "sv": "ser ut som en orderexport från Shopify men saknar kolumnen 'Name' (ordernumret)."},
    "e_woo_no_total": {
        "en": "looks like a WooCommerce orders export but has no 'order_total' (or 'Net sales') column: export "
              "the orders with their totals.",
        "nb": "ser ut som en ordreeksport fra WooCommerce, men mangler kolonnen 'order_total' (eller 'Net "
              "sales'): eksporter ordrene med totalene.",
        "sv": "ser ut som en orderexport från WooCommerce men saknar kolumnen 'order_total' (eller 'Net "
              "sales'): exportera ordrarna med sina summor."},
    "e_ifood_columns": {
        "en": "looks like a customer table (iFood layout) but has no 'ID' column or neither amounts (MntWines…) "
              "nor purchase counts (NumWebPurchases…): export it with those columns.",
        "nb": "ser ut som en kundetabell (iFood-oppsett), men mangler kolonnen 'ID' eller både beløp "
              "(MntWines…) og antall kjøp (NumWebPurchases…): eksporter den med de kolonnene.",
        "sv": "ser ut som en kundtabell (iFood-layout) men saknar kolumnen 'ID' eller både belopp (MntWines…) "
              "och antal köp (NumWebPurchases…): exportera den med de kolumnerna."},
    "f_ga360_bad_json": {
        "en": "{n} cell(s) in '{col}' are not valid JSON: {fields} are left empty there.",
        "nb": "{n} celle(r) i '{col}' er ikke gyldig JSON: {fields} står tomme der.",
        "sv": "{n} cell(er) i '{col}' är inte giltig JSON: {fields} lämnas tomma där."},
    "r_ga360_malformed": {"en": "malformed JSON in '{col}'", "nb": "ugyldig JSON i '{col}'",
                          "sv": "felaktig JSON i '{col}'"},
    "r_ga360_empty": {"en": "no '{col}' (an empty cell)", "nb": "ingen '{col}' (en tom celle)",
                      "sv": "ingen '{col}' (en tom cell)"},
    "e_ga360_no_totals": {
        "en": "no row has readable 'totals' JSON ({why}, {where}): export the sessions again.",
        "nb": "ingen rad har lesbar 'totals'-JSON ({why}, {where}): eksporter øktene på nytt.",
        "sv": "ingen rad har läsbar 'totals'-JSON ({why}, {where}): exportera sessionerna igen."},
    "f_ga360_unread": {
        "en": "{n} row(s) with {why}: their sessions, pageviews and revenue cannot be read, so they are left out.",
        "nb": "{n} rad(er) med {why}: øktene, sidevisningene og omsetningen deres kan ikke leses, så de er utelatt.",
        "sv": "{n} rad(er) med {why}: deras sessioner, sidvisningar och intäkter kan inte läsas, så de utelämnas."},
    "p_ga360_micros": {
        "en": "GA360 writes revenue in micros of the view's currency: '{source}' is divided by {micros} and read "
              "as {currency}, the Google Merchandise Store's (the export does not name the currency).",
        "nb": "GA360 skriver omsetningen i milliondeler av visningens valuta: '{source}' deles på {micros} og "
              "leses som {currency}, Google Merchandise Stores valuta (eksporten oppgir ikke valutaen).",
        "sv": "GA360 skriver intäkten i miljondelar av vyns valuta: '{source}' delas med {micros} och läses "
              "som {currency}, Google Merchandise Stores valuta (exporten anger inte valutan)."},
    "p_ga360_idle": {
        "en": "{n} visit(s) without interaction (no 'visits' in their totals): GA counts no session for them, "
              "and neither do these totals.",
        "nb": "{n} besøk uten interaksjon (ingen 'visits' i totals): GA teller ingen økt for dem, og det gjør "
              "heller ikke disse totalene.",
        "sv": "{n} besök utan interaktion (inga 'visits' i totals): GA räknar ingen session för dem, och det "
              "gör inte heller dessa summor."},
    "p_ga360_visitors": {
        "en": "{n} row(s) (visits) from {people} distinct visitor(s) ('{visitor}', read as text). Users count "
              "people: they are never added up over sessions or days, so the totals show sessions, not users.",
        "nb": "{n} rad(er) (besøk) fra {people} ulike besøkende ('{visitor}', lest som tekst). Brukere teller "
              "personer: de summeres aldri over økter eller dager, så totalene viser økter, ikke brukere.",
        "sv": "{n} rad(er) (besök) från {people} olika besökare ('{visitor}', läst som text). Användare räknar "
              "personer: de summeras aldrig över sessioner eller dagar, så summorna visar sessioner, inte "
              "användare."},
    "p_hubspot_stages": {
        "en": "The file has no 'Became a … Date' columns past the lead: MQLs, SQLs, opportunities and customers "
              "are counted from each contact's current lifecycle stage (a customer has been an MQL and an SQL) "
              "and dated by its create date. Export the 'Became a … Date' properties for the day each stage was "
              "reached.",
        "nb": "Filen har ingen 'Ble en … dato'-kolonner etter lead: MQL-er, SQL-er, muligheter og kunder telles "
              "etter hver kontakts nåværende livssyklusfase (en kunde har vært MQL og SQL) og dateres med "
              "opprettelsesdatoen. Eksporter egenskapene 'Ble en … dato' for dagen hver fase ble nådd.",
        "sv": "Filen har inga 'Blev en … datum'-kolumner efter lead: MQL:er, SQL:er, affärsmöjligheter och "
              "kunder räknas efter varje kontakts nuvarande livscykelfas (en kund har varit MQL och SQL) och "
              "dateras med skapandedatumet. Exportera egenskaperna 'Blev en … datum' för dagen varje fas "
              "nåddes."},
    "p_shopify_customers": {
        "en": "Shopify customers: one row per customer with lifetime totals. Customers with an order, their "
              "orders ('Total Orders'), spend ('Total Spent') and repeat customers (2 or more orders) are counted, "
              "by country. "
              "These carry no dates, so the list has no periods to compare; for LTV and churn over time upload "
              "the orders export.",
        "nb": "Shopify-kunder: én rad per kunde med totaler for hele kundeforholdet. Kunder med en ordre, "
              "ordrene deres "
              "('Total Orders'), forbruket ('Total Spent') og gjenkjøpende kunder (2 eller flere ordrer) telles, "
              "per land. Listen har ingen datoer og dermed ingen perioder å sammenligne; last opp "
              "ordreeksporten for LTV og frafall over tid.",
        "sv": "Shopify-kunder: en rad per kund med totaler för hela kundrelationen. Kunder med en order, "
              "deras order ('Total "
              "Orders'), köpbelopp ('Total Spent') och återkommande kunder (2 eller fler order) räknas, per land. "
              "Listan har inga datum och därmed inga perioder att jämföra; ladda upp orderexporten för LTV och "
              "kundbortfall över tid."},
    "f_sms_rows": {
        "en": "{n} SMS campaign row(s): their sends, clicks and unsubscribes are no e-mails, so they are left out "
              "of the e-mail KPIs; their orders and revenue count.",
        "nb": "{n} rad(er) med SMS-kampanjer: utsendelsene, klikkene og avmeldingene deres er ikke e-post, så de "
              "holdes utenfor e-post-KPI-ene; ordrene og omsetningen deres telles.",
        "sv": "{n} rad(er) med SMS-kampanjer: deras utskick, klick och avregistreringar är inga e-postmeddelanden, "
              "så de hålls utanför e-post-KPI:erna; deras order och intäkter räknas."},
    "f_periods_differ": {
        "en": "The files cover different days ({files}); all of them cover {lo} to {hi}. A KPI over the whole of "
              "them divides one file's days by another's (CAC with customers from before the ads ran): analyse "
              "{lo} to {hi} (the period in the app, --from and --to on the command line).",
        "nb": "Filene dekker ulike dager ({files}); alle dekker {lo} til {hi}. En KPI over alt deler én fils "
              "dager på en annens (CAC med kunder fra før annonsene gikk): analyser {lo} til {hi} (perioden i "
              "appen, --from og --to på kommandolinjen).",
        "sv": "Filerna täcker olika dagar ({files}); alla täcker {lo} till {hi}. En KPI över allt delar en fils "
              "dagar med en annans (CAC med kunder från innan annonserna gick): analysera {lo} till {hi} "
              "(perioden i appen, --from och --to på kommandoraden)."},
    "f_periods_apart": {
        "en": "{file_a} ({lo_a} to {hi_a}) and {file_b} ({lo_b} to {hi_b}) share no day: KPIs over both divide one "
              "period's numbers by the other's (spend by customers, revenue by spend). Choose a period, or load "
              "files of the same period.",
        "nb": "{file_a} ({lo_a} til {hi_a}) og {file_b} ({lo_b} til {hi_b}) har ingen dag felles: KPI-er over "
              "begge deler tallene fra én periode på tallene fra den andre (kostnad på kunder, omsetning på "
              "kostnad). Velg en periode, eller last inn filer fra samme periode.",
        "sv": "{file_a} ({lo_a} till {hi_a}) och {file_b} ({lo_b} till {hi_b}) har ingen dag gemensam: KPI:er "
              "över båda delar den ena periodens siffror med den andras (kostnad per kund, intäkt per kostnad). "
              "Välj en period, eller läs in filer från samma period."},
    "r_note_below": {"en": "a note under the table (no numbers)", "nb": "en merknad under tabellen (ingen tall)",
                     "sv": "en anteckning under tabellen (inga siffror)"},
    "f_only_in_totals": {
        "en": "{columns}: no row gives them, only the total rows set aside: the report is split by something "
              "these are not reported for (Google Ads gives no impressions, clicks or cost per conversion "
              "action). Export the report without that breakdown to have them.",
        "nb": "{columns}: ingen rad har dem, bare totalradene som er satt til side: rapporten er delt opp etter "
              "noe de ikke rapporteres for (Google Ads gir ingen visninger, klikk eller kostnad per "
              "konverteringshandling). Eksporter rapporten uten den oppdelingen for å få dem med.",
        "sv": "{columns}: ingen rad har dem, bara summeringsraderna som lagts åt sidan: rapporten är uppdelad på "
              "något de inte rapporteras för (Google Ads ger inga visningar, klick eller kostnader per "
              "konverteringsåtgärd). Exportera rapporten utan den uppdelningen för att få med dem."},
}
