"""Norwegian and Swedish texts of the KPI catalog: what each KPI is (description) and why it matters
(why), beside the English ones in catalog.py. A test checks every KPI has both, in both languages."""

TEXTS: dict[str, dict[str, dict[str, str]]] = {
    "impressions": {
        "description": {"nb": "Hvor mange ganger annonsene ble vist.", "sv": "Hur många gånger annonserna visades."},
        "why": {
            "nb": "Synlighet er grunnlaget for alle de neste stegene.",
            "sv": "Synlighet är grunden för alla senare steg.",
        },
    },
    "reach": {
        "description": {
            "nb": "Hvor mange ulike personer som så annonsene, slik plattformen teller dem.",
            "sv": "Hur många unika personer som såg annonserna, enligt plattformens räkning.",
        },
        "why": {
            "nb": "Merkevarebygging handler om å nå nye mennesker, ikke om å vise de samme folkene flere annonser.",
            "sv": (
                "Varumärkesarbete handlar om att nå nya människor, inte om att visa fler annonser för samma personer."
            ),
        },
    },
    "frequency": {
        "description": {
            "nb": "Hvor mange ganger hver person i snitt så en annonse (visninger / rekkevidde).",
            "sv": "Hur många gånger varje person i snitt såg en annons (visningar / räckvidd).",
        },
        "why": {
            "nb": "For lav, og budskapet fester seg ikke; for høy, og folk blir lei.",
            "sv": "För låg och budskapet fastnar inte; för hög och folk tröttnar.",
        },
    },
    "cpm": {
        "description": {"nb": "Hva 1000 annonsevisninger koster.", "sv": "Vad 1000 annonsvisningar kostar."},
        "why": {
            "nb": "Prisen på oppmerksomhet: hva synlighet koster deg i hver kanal.",
            "sv": "Priset för uppmärksamhet: vad synlighet kostar dig i varje kanal.",
        },
    },
    "ctr": {
        "description": {
            "nb": "Andel visninger som førte til et klikk.",
            "sv": "Andel visningar som ledde till ett klick.",
        },
        "why": {
            "nb": "Viser om budskapet og bildet i annonsen treffer målgruppen.",
            "sv": "Visar om annonsens budskap och bild tilltalar målgruppen.",
        },
    },
    "engagement_rate": {
        "description": {
            "nb": "Interaksjoner (likerklikk, kommentarer, delinger) per visning.",
            "sv": "Interaktioner (gillamarkeringar, kommentarer, delningar) per visning.",
        },
        "why": {
            "nb": "Engasjement viser at innholdet når de riktige folkene og bygger interesse.",
            "sv": "Engagemang visar att innehållet når rätt personer och bygger intresse.",
        },
    },
    "video_view_rate": {
        "description": {"nb": "Videovisninger per visning.", "sv": "Videovisningar per visning."},
        "why": {
            "nb": "Viser om folk stopper opp og ser, og ikke bare scroller forbi.",
            "sv": "Visar om folk stannar och tittar, och inte bara scrollar förbi.",
        },
    },
    "sessions": {
        "description": {"nb": "Besøk på nettstedet.", "sv": "Besök på webbplatsen."},
        "why": {
            "nb": "Trafikk viser at interesse blir til besøk; sammenlign organisk og betalt trafikk per kanal.",
            "sv": "Trafik visar att intresse blir besök; jämför organisk och betald trafik per kanal.",
        },
    },
    "cpc": {
        "description": {"nb": "Hva hvert klikk kostet.", "sv": "Vad varje klick kostade."},
        "why": {
            "nb": "Stigende CPC peker mot bud, målgruppeinnstillinger eller valg av søkeord.",
            "sv": "Stigande CPC pekar på bud, målgruppsinställningar eller val av sökord.",
        },
    },
    "cost_per_session": {
        "description": {
            "nb": "Annonsekostnad per økt på nettstedet.",
            "sv": "Annonskostnad per session på webbplatsen.",
        },
        "why": {
            "nb": "Hva et besøk egentlig koster, når du tar høyde for klikk som aldri laster inn siden.",
            "sv": "Vad ett besök egentligen kostar, med hänsyn till klick som aldrig laddar sidan.",
        },
    },
    "avg_engagement_time": {
        "description": {
            "nb": "Engasjert tid i sekunder per økt (tid på nettstedet).",
            "sv": "Engagerad tid i sekunder per session (tid på webbplatsen).",
        },
        "why": {
            "nb": "Tiden på landingssiden viser om innholdet holder på interessen.",
            "sv": "Tiden på landningssidan visar om innehållet håller kvar intresset.",
        },
    },
    "pages_per_session": {
        "description": {"nb": "Sidevisninger per økt.", "sv": "Sidvisningar per session."},
        "why": {
            "nb": "Flere sider per besøk betyr at folk utforsker i stedet for å forlate siden.",
            "sv": "Fler sidor per besök betyder att folk utforskar i stället för att lämna sajten.",
        },
    },
    "bounce_rate": {
        "description": {
            "nb": "Andel økter som endte uten noen interaksjon.",
            "sv": "Andel sessioner som avslutades utan någon interaktion.",
        },
        "why": {
            "nb": "Høy fluktfrekvens tyder på at innhold eller design ikke matcher annonsen.",
            "sv": "Hög avvisningsfrekvens tyder på att innehåll eller design inte matchar annonsen.",
        },
    },
    "downloads": {
        "description": {
            "nb": "Nedlastinger av innhold (e-bøker, guider, white papers).",
            "sv": "Nedladdningar av innehåll (e-böcker, guider, whitepapers).",
        },
        "why": {
            "nb": "Når folk bruker innholdet, bygges tillit før de blir en lead.",
            "sv": "När folk tar del av innehållet byggs förtroende innan de blir en lead.",
        },
    },
    "email_open_rate": {
        "description": {
            "nb": "Unike åpninger per levert e-post.",
            "sv": "Unika öppningar per levererat e-postmeddelande.",
        },
        "why": {
            "nb": "Viser om emnelinje og avsender fanger oppmerksomheten.",
            "sv": "Visar om ämnesrad och avsändare fångar uppmärksamheten.",
        },
    },
    "email_click_rate": {
        "description": {"nb": "Klikk per levert e-post.", "sv": "Klick per levererat e-postmeddelande."},
        "why": {
            "nb": "Viser om innholdet i e-posten får folk til å handle.",
            "sv": "Visar om innehållet i e-postmeddelandet får folk att agera.",
        },
    },
    "conversion_rate": {
        "description": {
            "nb": (
                "Konverteringer per økt (per klikk når dataene ikke har økter; ordrer per økt når de har ordrer, men "
                "ikke konverteringer)."
            ),
            "sv": (
                "Konverteringar per session (per klick när underlaget saknar sessioner; order per session när det har "
                "order men inga konverteringar)."
            ),
        },
        "why": {
            "nb": "Viser om nettstedet overbeviser de besøkende som annonsene sender dit.",
            "sv": "Visar om webbplatsen övertygar besökarna som annonserna skickar dit.",
        },
    },
    "cpa": {
        "description": {"nb": "Annonsekostnad per konvertering.", "sv": "Annonskostnad per konvertering."},
        "why": {
            "nb": "Hva hvert kjøp eller hver påmelding koster; en høy CPA er greit hvis kundens LTV er høyere.",
            "sv": "Vad varje köp eller registrering kostar; en hög CPA är okej om kundens LTV är högre.",
        },
    },
    "cpl": {
        "description": {
            "nb": "Markedsføringskostnad (annonsekostnad pluss andre kostnader) per lead.",
            "sv": "Marknadsföringskostnad (annonskostnad plus övriga kostnader) per lead.",
        },
        "why": {
            "nb": "En billig lead som aldri konverterer, er verdiløs: se CPL sammen med leadkvaliteten.",
            "sv": "En billig lead som aldrig konverterar är värdelös: läs CPL tillsammans med leadkvaliteten.",
        },
    },
    "lead_to_mql_rate": {
        "description": {
            "nb": "Andel leads som ble markedskvalifisert (MQL).",
            "sv": "Andel leads som blev marknadskvalificerade (MQL).",
        },
        "why": {
            "nb": "Leadkvalitet: passer leadsene til kunden du vil ha?",
            "sv": "Leadkvalitet: passar leadsen in på kunden du vill ha?",
        },
    },
    "mql_to_sql_rate": {
        "description": {
            "nb": "Andel markedskvalifiserte leads som salgsteamet godtok.",
            "sv": "Andel marknadskvalificerade leads som säljteamet accepterade.",
        },
        "why": {
            "nb": "Viser om marked og salg er enige om hva en god lead er.",
            "sv": "Visar om marknad och sälj är överens om vad en bra lead är.",
        },
    },
    "mql_to_customer_rate": {
        "description": {
            "nb": "Andel markedskvalifiserte leads som ble kunder.",
            "sv": "Andel marknadskvalificerade leads som blev kunder.",
        },
        "why": {
            "nb": "Slutten av leadtrakten: kvalifisert interesse som blir til omsetning.",
            "sv": "Slutet av leadtratten: kvalificerat intresse som blir intäkter.",
        },
    },
    "roas": {
        "description": {
            "nb": "Omsetning per krone i annonsekostnad (4,2× = 4,20 kroner tilbake per 1 krone).",
            "sv": "Intäkt per krona i annonskostnad (4,2× = 4,20 kronor tillbaka per 1 krona).",
        },
        "why": {
            "nb": "Den raske pekepinnen på hvor effektive annonsene er; sammenlign med break-even-ROAS (1 / margin).",
            "sv": "Den snabba avläsningen av annonsernas effektivitet; jämför med break-even-ROAS (1 / marginal).",
        },
    },
    "poas": {
        "description": {
            "nb": "Bruttofortjeneste per krone i annonsekostnad.",
            "sv": "Bruttovinst per krona i annonskostnad.",
        },
        "why": {
            "nb": "ROAS med marginen regnet inn: under 1 taper annonsene penger på første ordre.",
            "sv": "ROAS med marginalen inräknad: under 1 förlorar annonserna pengar på första ordern.",
        },
    },
    "roi": {
        "description": {
            "nb": (
                "Bruttofortjeneste som er igjen etter alle markedsføringskostnader, per krone i markedsføringskostnad."
            ),
            "sv": "Bruttovinst som blir kvar efter alla marknadsföringskostnader, per krona i marknadsföringskostnad.",
        },
        "why": {
            "nb": "Tar med alle kostnader, og svarer derfor på om markedsføringen betaler seg.",
            "sv": "Räknar med alla kostnader och svarar därför på om marknadsföringen betalar sig.",
        },
    },
    "romi": {
        "description": {
            "nb": "Attribuert omsetning minus markedsføringskostnad, per krone i markedsføringskostnad.",
            "sv": "Attribuerade intäkter minus marknadsföringskostnad, per krona i marknadsföringskostnad.",
        },
        "why": {
            "nb": (
                "Som ROI, men regnet på omsetning i stedet for fortjeneste: får produkter med høy kostpris til å se "
                "bedre ut enn de er."
            ),
            "sv": (
                "Som ROI, men på intäkter i stället för vinst: får produkter med hög inköpskostnad att se bättre ut än"
                " de är."
            ),
        },
    },
    "aov": {
        "description": {"nb": "Omsetning per ordre.", "sv": "Intäkt per order."},
        "why": {
            "nb": "Større handlekurver gjør hvert klikk og hver kunde mer verdt.",
            "sv": "Större varukorgar gör varje klick och varje kund mer värd.",
        },
    },
    "cart_abandonment_rate": {
        "description": {
            "nb": "Andel handlekurver eller påbegynte utsjekker som ikke ble til en ordre.",
            "sv": "Andel varukorgar eller påbörjade kassor som inte blev en order.",
        },
        "why": {
            "nb": "Mange forlatte handlekurver tyder på problemer i stegene i kassen eller uventede kostnader.",
            "sv": "Många övergivna varukorgar tyder på problem i stegen i kassan eller oväntade kostnader.",
        },
    },
    "cac": {
        "description": {"nb": "Markedsføringskostnad per ny kunde.", "sv": "Marknadsföringskostnad per ny kund."},
        "why": {
            "nb": "Hva en ny kunde koster; vei det opp mot hva kunden er verdt (LTV).",
            "sv": "Vad en ny kund kostar; väg det mot vad kunden är värd (LTV).",
        },
    },
    "ltv": {
        "description": {
            "nb": "Omsetning per kunde over perioden ordrene dekker.",
            "sv": "Intäkt per kund under den period som ordrarna täcker.",
        },
        "why": {
            "nb": "Hva en kunde er verdt, avgjør hva du kan betale for å vinne en.",
            "sv": "Vad en kund är värd avgör vad du kan betala för att vinna en.",
        },
    },
    "ltv_cac_ratio": {
        "description": {
            "nb": "Kundens livstidsverdi per krone i anskaffelseskostnad (sunt ved 3 eller mer).",
            "sv": "Kundens livstidsvärde per krona i anskaffningskostnad (sunt vid 3 eller mer).",
        },
        "why": {
            "nb": "En høy CPA er helt greit når kundene er verdt mye mer enn de koster.",
            "sv": "En hög CPA är helt okej när kunderna är värda mycket mer än de kostar.",
        },
    },
    "repeat_purchase_rate": {
        "description": {
            "nb": "Andel kunder med to eller flere ordrer.",
            "sv": "Andel kunder med två eller fler order.",
        },
        "why": {
            "nb": "Kunder som kommer tilbake, er den billigste omsetningen som finnes.",
            "sv": "Kunder som kommer tillbaka är de billigaste intäkterna som finns.",
        },
    },
    "churn_rate": {
        "description": {
            "nb": "Andel kunder som var aktive ved starten av en periode, og som falt fra i løpet av den.",
            "sv": "Andel kunder som var aktiva i början av en period och som tappades under den.",
        },
        "why": {
            "nb": "Kunder som forsvinner i det stille, spiser opp det du bruker på å skaffe nye.",
            "sv": "Kunder som försvinner i det tysta äter upp det du lägger på att skaffa nya.",
        },
    },
    "return_rate": {
        "description": {
            "nb": "Andel ordrer som ble returnert eller refundert.",
            "sv": "Andel order som returnerades eller återbetalades.",
        },
        "why": {
            "nb": "Returer peker mot produktbeskrivelser eller kvalitet, og spiser av marginen.",
            "sv": "Returer pekar på produktbeskrivningar eller kvalitet, och äter upp marginalen.",
        },
    },
    "unsubscribe_rate": {
        "description": {
            "nb": "Avmeldinger per levert e-post.",
            "sv": "Avregistreringar per levererat e-postmeddelande.",
        },
        "why": {
            "nb": "Flere avmeldinger peker mot innhold, design eller utsendelsesfrekvens.",
            "sv": "Fler avregistreringar pekar på innehåll, design eller utskicksfrekvens.",
        },
    },
}
