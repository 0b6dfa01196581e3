"""Regenerate the Swedish translation: extract strings, fill them from the glossary, compile.

    python -m ui.i18n.update          # writes ui/i18n/omnipos_sv.ts and omnipos_sv.qm

``pyside6-lupdate`` extracts every ``tr()``/``translate()``/``QT_TRANSLATE_NOOP`` string from
``ui/``; entries found in ``SV`` (by source text, or by (context, source) where one word means two
things) are filled in and marked finished; others stay "unfinished" and are listed, so a new
string is never silently left in English. ``pyside6-lrelease`` compiles the .qm the app loads.
"""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
UI = HERE.parent
TS = HERE / "omnipos_sv.ts"
QM = HERE / "omnipos_sv.qm"
BIN = Path(sys.executable).parent

SV: dict[str | tuple[str, str], str] = {
    # --- login, PIN ---------------------------------------------------------------------------
    "Who is working?": "Vem arbetar?",
    "Choose your name, then enter your PIN.": "Välj ditt namn och slå din PIN-kod.",
    "PIN": "PIN-kod",
    "Manager": "Butikschef",
    "Cashier": "Kassör",
    "Choose your name first.": "Välj ditt namn först.",
    "Checking…": "Kontrollerar…",
    "Clear": "Rensa",
    "OK": "OK",
    # --- window / status bar ----------------------------------------------------------------
    "omnipos – till %1": "omnipos – kassa %1",
    "Register %1": "Kassa %1",
    "Working…": "Arbetar…",
    "Printer: …": "Skrivare: …",
    "Central store: all sales sent": "Centrallager: alla köp skickade",
    "Central store: %1 sale(s) waiting": "Centrallager: %1 köp väntar",
    "Central store: %1 sale(s) waiting, not reachable": "Centrallager: %1 köp väntar, når det inte",
    "Not logged in": "Inte inloggad",
    "Logged in: %1": "Inloggad: %1",
    "No shift open": "Inget skift öppet",
    "Shift %1 since %2": "Skift %1 sedan %2",
    "Printer: ready": "Skrivare: redo",
    "Printer: paper low": "Skrivare: pappret tar snart slut",
    "Printer: offline": "Skrivare: ej ansluten",
    "Printer: paper out": "Skrivare: slut på papper",
    "Printer: cover open": "Skrivare: luckan är öppen",
    "Printer: not ready": "Skrivare: inte redo",
    "Something went wrong": "Något gick fel",
    "The till hit an unexpected error. The sale in progress is saved. If it happens again, "
    "call support.\n\n%1": "Kassan stötte på ett oväntat fel. Pågående köp är sparat. "
                           "Ring supporten om det händer igen.\n\n%1",
    # --- sale page ----------------------------------------------------------------------------
    "Scan or type a barcode / SKU, Enter": "Skanna eller skriv streckkod / artikelnr, Enter",
    "Search by name (F2)": "Sök på namn (F2)",
    "Total": "Totalt",
    "Enter": "Enter",
    "Pay (F9)": "Betala (F9)",
    "Quantity": "Antal",
    "Remove line": "Ta bort rad",
    "Line discount": "Radrabatt",
    "Sale discount": "Köprabatt",
    "Price": "Pris",
    "Park": "Parkera",
    "Resume": "Återuppta",
    "Void sale": "Makulera köp",
    "Reprint last": "Kopia senaste",
    "X report": "X-rapport",
    "Close shift": "Stäng skift",
    "Shift": "Skift",
    "Help": "Hjälp",
    "Log out": "Logga ut",
    "No items": "Inga varor",
    "VAT %1 %: %2 kr": "Moms %1 %: %2 kr",
    "Discount %1 kr": "Rabatt %1 kr",
    # --- catalogue sync -----------------------------------------------------------------------
    "Catalogue: not synced yet": "Katalog: inte synkad än",
    "Sync the catalogue, stock and promotions now": "Synka katalog, lager och kampanjer nu",
    "Catalogue: syncing…": "Katalog: synkar…",
    "Catalogue: %1 of %2": "Katalog: %1 av %2",
    "Catalogue: %1 articles": "Katalog: %1 artiklar",
    "Catalogue: synced %1": "Katalog: synkad %1",
    "Catalogue: sync failed, selling on": "Katalog: synken misslyckades, kassan säljer vidare",
    # --- customers --------------------------------------------------------------------------
    "Customer": "Kund",
    "Customer: %1": "Kund: %1",
    "Find the customer by phone, e-mail or name": "Sök kunden på telefon, e-post eller namn",
    "e.g. 070-123 45 67": "t.ex. 070-123 45 67",
    "Search": "Sök",
    "On this sale: %1": "På köpet: %1",
    "Choose": "Välj",
    "No customer": "Ingen kund",
    "Type a phone number, an e-mail or a name": "Skriv ett telefonnummer, en e-post eller ett namn",
    "Searching the central store…": "Söker i centrallagret…",
    "No customer found": "Ingen kund hittades",
    "No customer on this sale.": "Ingen kund på köpet.",
    "Customer: find them by phone, e-mail or name": "Kund: sök på telefon, e-post eller namn",
    "The customer search failed: %1": "Kundsökningen misslyckades: %1",
    "No central store is set up: customers cannot be searched":
        "Inget centrallager är inställt: kunder kan inte sökas",
    "The central store cannot be reached, so customers cannot be searched now. Sell without one":
        "Centrallagret nås inte, så kunder kan inte sökas nu. Sälj utan kund",
    "No central store is set up: customer cards cannot be read":
        "Inget centrallager är inställt: kundkort kan inte läsas",
    "No customer has card %1": "Ingen kund har kort %1",
    "The central store cannot be reached, so customer card %1 cannot be read now. Sell without it":
        "Centrallagret nås inte, så kundkort %1 kan inte läsas nu. Sälj utan det",
    # --- promotions -------------------------------------------------------------------------
    "Code": "Kod",
    "Promotion code: add or remove the customer's codes":
        "Kampanjkod: lägg till eller ta bort kundens koder",
    "Promotion code": "Kampanjkod",
    "The customer's promotion code (type or scan it)": "Kundens kampanjkod (skriv eller skanna)",
    "e.g. HOST10": "t.ex. HOST10",
    "Add code": "Lägg till kod",
    "Remove code": "Ta bort kod",
    "Codes on this sale": "Koder på köpet",
    "No codes yet": "Inga koder än",
    "%1   -%2 kr": "%1   -%2 kr",
    "%1   nothing on these articles yet": "%1   ger inget på de här varorna än",
    "%1: -%2 kr": "%1: -%2 kr",
    "%1: nothing on these articles yet": "%1: ger inget på de här varorna än",
    "Code %1 removed.": "Koden %1 borttagen.",
    "Code %1: -%2 kr.": "Koden %1: -%2 kr.",
    "Code %1 added: nothing on these articles yet.":
        "Koden %1 tillagd: ger inget på de här varorna än.",
    "Promotion %1: -%2 kr": "Kampanj %1: -%2 kr",
    "Type a promotion code": "Skriv en kampanjkod",
    "Nothing left to discount on this line": "Inget kvar att rabattera på raden",
    "There is no promotion code %1": "Det finns ingen kampanjkod %1",
    "The code %1 is not valid now": "Koden %1 gäller inte nu",
    "The code %1 has used up its campaign's budget": "Koden %1 har förbrukat kampanjens budget",
    "The code %1 is already on this sale": "Koden %1 finns redan på köpet",
    "The code %1 is not on this sale": "Koden %1 finns inte på köpet",
    "The code %1 cannot be used at the till": "Koden %1 kan inte användas i kassan",
    "The code %1 is for shipping only": "Koden %1 gäller bara frakt",
    "A payment was started: finish it.": "En betalning har påbörjats: slutför den.",
    "No shift is open: open one with F10 before selling.":
        "Inget skift är öppet: öppna ett med F10 innan du säljer.",
    "Ready. Scan an article.": "Redo. Skanna en vara.",
    "%1  %2 kr": "%1  %2 kr",
    "Nothing found": "Inget hittades",
    "Choose a line first (Up/Down).": "Välj en rad först (Upp/Ned).",
    "Discount on the sale": "Rabatt på hela köpet",
    "Percent (%)": "Procent (%)",
    "Amount (kr)": "Belopp (kr)",
    "Enter a percentage, for example 10": "Ange en procentsats, till exempel 10",
    "Percent or amount off": "Procent eller belopp i rabatt",
    "Change price": "Ändra pris",
    "New unit price for %1 (kr)": "Nytt styckpris för %1 (kr)",
    "There is no sale to void.": "Det finns inget köp att makulera.",
    "Void the whole sale of %1 kr?": "Makulera hela köpet på %1 kr?",
    "Sale voided.": "Köpet är makulerat.",
    "Sale parked as #%1. Resume it with F8.": "Köpet parkerat som nr %1. Återuppta med F8.",
    "Parked sale resumed.": "Parkerat köp återupptaget.",
    "Receipt %1 paid. Next customer!": "Kvitto %1 betalt. Nästa kund!",
    "No receipt to reprint yet.": "Det finns inget kvitto att skriva ut igen än.",
    "Reprinting receipt %1 (copy)…": "Skriver ut kvitto %1 igen (kopia)…",
    "Printed.": "Utskrivet.",
    "Shift %1 opened with a float of %2 kr. Ready to sell.":
        "Skift %1 öppnat med växelkassa %2 kr. Redo att sälja.",
    "Cash movement of %1 kr recorded.": "Kontantrörelse på %1 kr registrerad.",
    "Open drawer": "Öppna kassalådan",
    "Why open the drawer without a sale?": "Varför öppna lådan utan köp?",
    "Give a reason": "Ange en anledning",
    "Drawer opened.": "Kassalådan öppnad.",
    "Z report": "Z-rapport",
    "Keyboard shortcuts": "Kortkommandon",
    "Scan an article or search for one (F2) to start a sale.":
        "Skanna en vara eller sök efter en (F2) för att börja ett köp.",
    # --- cart model ---------------------------------------------------------------------------
    "Article": "Vara",
    "Qty": "Antal",
    "Discount": "Rabatt",
    "Price changed from %1 by %2": "Priset ändrat från %1 av %2",
    # --- numpad and dialogs -------------------------------------------------------------------
    "Delete the last character": "Radera sista tecknet",
    "C": "C",
    "Clear the field": "Töm fältet",
    "Enter a whole number": "Ange ett heltal",
    "'%1' is not an amount (for example 125,50)": "'%1' är inte ett belopp (till exempel 125,50)",
    "Manager approval": "Godkännande av chef",
    "A manager must approve this": "En chef måste godkänna detta",
    "Manager: enter your PIN": "Chef: slå din PIN-kod",
    "Cancel (Esc)": "Avbryt (Esc)",
    "Parked sales": "Parkerade köp",
    "Resume a parked sale": "Återuppta ett parkerat köp",
    "#%1  %2  %3 pcs  %4 kr  by %5": "Nr %1  %2  %3 st  %4 kr  av %5",
    "No parked sales on this register.": "Inga parkerade köp i den här kassan.",
    "Resume (Enter)": "Återuppta (Enter)",
    "Back (Esc)": "Tillbaka (Esc)",
    "Receipt": "Kvitto",
    "Print": "Skriv ut",
    "Close (Esc)": "Stäng (Esc)",
    "Receipt printer (preview)": "Kvittoskrivare (förhandsvisning)",
    # --- payment ------------------------------------------------------------------------------
    "Payment": "Betalning",
    "Paid": "Betalt",
    "Remaining": "Kvar att betala",
    "Cash due (rounded)": "Kontant att betala (avrundat)",
    "Tenders taken": "Mottagna betalningar",
    "Nothing paid yet. Pay all or part by card or cash.":
        "Inget betalt än. Betala allt eller en del med kort eller kontant.",
    "Exact": "Jämnt",
    "Cash": "Kontant",
    "Card (F4)": "Kort (F4)",
    "Cash (Enter)": "Kontant (Enter)",
    "Back to the sale (Esc)": "Tillbaka till köpet (Esc)",
    "Follow the terminal…": "Följ instruktionerna på terminalen…",
    "The customer pays on the card terminal. This screen waits for its answer.":
        "Kunden betalar på kortterminalen. Skärmen väntar på svaret.",
    "Cancel card payment": "Avbryt kortbetalningen",
    ("PaymentDialog", "Change"): "Växel",
    "New sale (Enter)": "Nytt köp (Enter)",
    "Cash %1 kr (received %2, change %3)": "Kontant %1 kr (mottaget %2, växel %3)",
    "Card %1 kr %2": "Kort %1 kr %2",
    "Cash…": "Kontant…",
    "Card payment of %1 kr sent to the terminal": "Kortbetalning på %1 kr skickad till terminalen",
    "Cancelling on the terminal…": "Avbryter på terminalen…",
    "Receipt %1 – printing…": "Kvitto %1 – skrivs ut…",
    "Paid. Thank you!": "Betalt. Tack!",
    "Receipt %1 printed.": "Kvitto %1 utskrivet.",
    # --- shift --------------------------------------------------------------------------------
    "Open shift": "Öppna skift",
    "Opening float: the cash in the drawer (kr)": "Växelkassa: kontanterna i lådan (kr)",
    "Count the cash in the drawer and enter the total (kr). The Z report closes the day.":
        "Räkna kontanterna i lådan och ange summan (kr). Z-rapporten avslutar dagen.",
    "No shift is open on this register.": "Inget skift är öppet i den här kassan.",
    "Shift %1 open since %2, float %3 kr": "Skift %1 öppet sedan %2, växelkassa %3 kr",
    "1  Open shift": "1  Öppna skift",
    "2  Cash in": "2  Insättning",
    "3  Cash out": "3  Uttag",
    "4  X report": "4  X-rapport",
    "5  Close shift (Z report)": "5  Stäng skift (Z-rapport)",
    "6  Open drawer (no sale)": "6  Öppna lådan (utan köp)",
    "Reason (required)": "Anledning (krävs)",
    "Give a reason for the cash movement": "Ange en anledning till kontantrörelsen",
    "Cash in": "Insättning",
    "Cash out": "Uttag",
    "Amount put into the drawer (kr) and why": "Belopp som läggs i lådan (kr) och varför",
    "Amount taken out of the drawer (kr) and why": "Belopp som tas ur lådan (kr) och varför",
    "Change for the drawer": "Växel till lådan",
    "Bank deposit": "Insättning på banken",
    "Petty cash purchase": "Småinköp",
    "Tips": "Dricks",
    "Z report %1: shift closed.": "Z-rapport %1: skiftet är stängt.",
    "X report (the shift stays open).": "X-rapport (skiftet är fortfarande öppet).",
    "Expected cash %1 kr.": "Förväntat kontant %1 kr.",
    "Counted %1 kr: the drawer balances.": "Räknat %1 kr: lådan stämmer.",
    "over": "för mycket",
    "short": "för lite",
    "Counted %1 kr: %2 kr %3.": "Räknat %1 kr: %2 kr %3.",
    # --- customer display ---------------------------------------------------------------------
    "Customer display": "Kundskärm",
    "Welcome!": "Välkommen!",
    "To pay": "Att betala",
    "Scan for your digital receipt": "Skanna för ditt digitala kvitto",
    "of which VAT %1": "varav moms %1",
    "Campaign −%1": "Kampanj −%1",
    "You save %1": "Du sparar %1",
    "Paid %1": "Betalt %1",
    ("CustomerDisplayWindow", "Change %1"): "Växel %1",
    # --- placeholders -------------------------------------------------------------------------
    "Coming in a later release.": "Kommer i en senare version.",
    ("ComingSoonWindow", "Close"): "Stäng",
    "omnipos back office": "omnipos backoffice",
    "Dashboard and reports": "Översikt och rapporter",
    "Z reports and the electronic journal": "Z-rapporter och den elektroniska journalen",
    "Staff, devices and stock": "Personal, enheter och lager",
    "Campaigns, shelf labels and sync status": "Kampanjer, hyllkantsetiketter och synkstatus",
    "omnipos kiosk": "omnipos kiosk",
    "Browse and scan products": "Bläddra bland och skanna varor",
    "Stock here, in other stores and online": "Lager här, i andra butiker och på webben",
    "Send your cart to a till or to your phone": "Skicka din varukorg till en kassa eller mobilen",
    "Order for delivery to your home": "Beställ hemleverans",
    # --- shortcuts ----------------------------------------------------------------------------
    "Help: this list of shortcuts": "Hjälp: den här listan med kortkommandon",
    "Search articles by name": "Sök varor på namn",
    "Quantity of the selected line": "Antal på markerad rad",
    "Discount on the selected line": "Rabatt på markerad rad",
    "Discount on the whole sale": "Rabatt på hela köpet",
    "Change the price of the selected line (manager)": "Ändra priset på markerad rad (chef)",
    "Park the sale": "Parkera köpet",
    "Pay": "Betala",
    "Shift: open, cash in/out, X report, close (Z)":
        "Skift: öppna, insättning/uttag, X-rapport, stäng (Z)",
    "Reprint the last receipt (copy)": "Skriv ut senaste kvittot igen (kopia)",
    "Remove the selected line": "Ta bort markerad rad",
    "Void the whole sale": "Makulera hela köpet",
    "Cancel a dialog / go back": "Avbryt en dialog / gå tillbaka",
    "Move in the sale's lines": "Flytta mellan köpets rader",
    "One more / one less of the selected line": "En till / en mindre på markerad rad",
    # --- the domain's messages ----------------------------------------------------------------
    "Log in first": "Logga in först",
    "Unknown user": "Okänd användare",
    "Wrong PIN": "Fel PIN-kod",
    "Wrong PIN. Too many attempts: locked for 5 minutes":
        "Fel PIN-kod. För många försök: låst i 5 minuter",
    "That is not a manager's PIN": "Det är inte en chefs PIN-kod",
    "Open a shift first (F10)": "Öppna ett skift först (F10)",
    "The float cannot be negative": "Växelkassan kan inte vara negativ",
    "A shift is already open on this register": "Ett skift är redan öppet i den här kassan",
    "Enter an amount": "Ange ett belopp",
    "Counted cash cannot be negative": "Räknat kontantbelopp kan inte vara negativt",
    "Finish or void the sale in progress before closing":
        "Slutför eller makulera pågående köp innan du stänger",
    "Payment has started: finish or cancel it before changing the sale":
        "Betalningen har börjat: slutför eller avbryt den innan du ändrar köpet",
    "Payment has started: finish or cancel it first":
        "Betalningen har börjat: slutför eller avbryt den först",
    "Nothing to park": "Inget att parkera",
    "Finish or park the sale in progress first": "Slutför eller parkera pågående köp först",
    "That parked sale is gone (resumed on another till?)":
        "Det parkerade köpet finns inte längre (återupptaget i en annan kassa?)",
    "The sale is empty": "Köpet är tomt",
    "Tenders are already taken: complete the payment":
        "Betalningar är redan mottagna: slutför betalningen",
    "A card has already paid part of this sale: refund it first":
        "Ett kort har redan betalat en del av köpet: återbetala det först",
    "A price change needs a manager": "En prisändring kräver en chef",
    "Opening the drawer without a sale needs a manager":
        "Att öppna lådan utan köp kräver en chef",
    "Give a reason for opening the drawer": "Ange en anledning till att öppna lådan",
    "A discount is either a percentage or an amount":
        "En rabatt är antingen en procentsats eller ett belopp",
    "A percentage discount must be above 0 and at most 100 %":
        "En procentrabatt måste vara över 0 och högst 100 %",
    "A discount amount must be above zero": "Ett rabattbelopp måste vara större än noll",
    "Nothing to discount: the cart is empty": "Inget att rabattera: köpet är tomt",
    "A price cannot be negative": "Ett pris kan inte vara negativt",
    "The quantity must be a whole number": "Antalet måste vara ett heltal",
    "The quantity must be at least 1 (use Return for goods coming back)":
        "Antalet måste vara minst 1 (använd Retur för varor som lämnas tillbaka)",
    "Enter the cash received (more than 0)": "Ange mottaget kontantbelopp (mer än 0)",
    "A card payment must be above 0": "En kortbetalning måste vara större än 0",
    "The sale is already paid": "Köpet är redan betalt",
    "Card declined": "Kortet nekades",
    "Cancelled": "Avbrutet",
    "The terminal is busy": "Terminalen är upptagen",
    "The terminal never received the payment": "Terminalen tog aldrig emot betalningen",
    "The terminal did not answer. Nothing is lost: ask it again with 'Check card payment' "
    "before taking another payment": "Terminalen svarade inte. Inget är förlorat: fråga den igen "
                                     "med 'Kontrollera kortbetalning' innan du tar en ny betalning",
    "A PIN is 4 to 8 digits": "En PIN-kod har 4 till 8 siffror",
    "%1 %2 has a wrong check digit (%3, should be %4): scan again or type it":
        "%1 %2 har fel kontrollsiffra (%3, ska vara %4): skanna igen eller skriv in den",
    "'%1' has %2 digits; a GTIN has 8, 12, 13 or 14":
        "'%1' har %2 siffror; en GTIN har 8, 12, 13 eller 14",
    "Too many wrong PINs: locked for %1 more minute(s)":
        "För många fel PIN-koder: låst i %1 minut(er) till",
    "A discount above %1 % needs a manager": "En rabatt över %1 % kräver en chef",
    "A card can pay at most %1 kr (what is left)": "Ett kort kan betala högst %1 kr (det som är kvar)",
    "There is no line %1 in this sale": "Det finns ingen rad %1 i köpet",
    "The quantity can be at most %1": "Antalet kan vara högst %1",
    "%1 is no longer sold": "%1 säljs inte längre",
    "%1: %2": "%1: %2",
    "No article with code %1 in the catalogue": "Ingen vara med koden %1 i sortimentet",
    "Receipt %1 scanned: returns are not taken at this till yet.":
        "Kvitto %1 skannat: returer tas inte emot i den här kassan än.",
    "Digital receipt %1 scanned: returns are not taken at this till yet.":
        "Digitalt kvitto %1 skannat: returer tas inte emot i den här kassan än.",
    "Web cart %1 scanned: loading web carts comes in a later release.":
        "Webbvarukorg %1 skannad: att hämta webbvarukorgar kommer i en senare version.",
    "Web order %1 scanned: pickups come in a later release.":
        "Webborder %1 skannad: utlämning kommer i en senare version.",
    "Product link %1 scanned: scan the article's barcode instead.":
        "Produktlänk %1 skannad: skanna varans streckkod i stället.",
    "Invoice reference %1 scanned: paying invoices comes in a later release.":
        "Fakturareferens %1 skannad: betalning av fakturor kommer i en senare version.",
    "OCR reference %1 has a wrong check digit (%2, should be %3): scan again or type it":
        "OCR-referens %1 har fel kontrollsiffra (%2, ska vara %3): skanna igen eller skriv in den",
    "'%1' is not a barcode this till knows": "'%1' är ingen streckkod som kassan känner till",
    "The code could not be read: scan again or type it":
        "Koden gick inte att läsa: skanna igen eller skriv in den",
    "Empty scan: scan again": "Tom skanning: skanna igen",
    "The code is too long to be anything this till knows":
        "Koden är för lång för att vara något kassan känner till",
}
SV_PLURAL = {"%n item(s)": ("%n vara", "%n varor"),
             "%n customer(s) found": ("%n kund hittades", "%n kunder hittades")}
EN_PLURAL = {"%n item(s)": ("%n item", "%n items"),
             "%n customer(s) found": ("%n customer found", "%n customers found")}
TS_EN = HERE / "omnipos_en.ts"
QM_EN = HERE / "omnipos_en.qm"


def run(tool: str, *args: str) -> None:
    subprocess.run([str(BIN / tool), *args], check=True, cwd=UI)


def main() -> int:
    sources = sorted(str(p.relative_to(UI)) for p in UI.rglob("*.py")
                     if p.name not in ("update.py",))
    run("pyside6-lupdate", *sources, "-no-obsolete", "-locations", "none",
        "-source-language", "en", "-target-language", "sv", "-ts", str(TS))
    tree = ET.parse(TS)
    missing = []
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            src = msg.findtext("source") or ""
            tr = msg.find("translation")
            assert tr is not None
            if msg.get("numerus") == "yes" and src in SV_PLURAL:
                for f in list(tr):
                    tr.remove(f)
                tr.text = None
                for form in SV_PLURAL[src]:
                    ET.SubElement(tr, "numerusform").text = form
                tr.attrib.pop("type", None)
                continue
            text = SV.get((name, src), SV.get(src))
            if text is None:
                missing.append(f"{name}: {src}")
                continue
            tr.text = text
            tr.attrib.pop("type", None)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    run("pyside6-lrelease", str(TS), "-qm", str(QM))
    # English is the source language; it needs a file only for its plural forms.
    run("pyside6-lupdate", *sources, "-no-obsolete", "-locations", "none", "-pluralonly",
        "-source-language", "en", "-target-language", "en", "-ts", str(TS_EN))
    en = ET.parse(TS_EN)
    for msg in en.getroot().iter("message"):
        forms = EN_PLURAL.get(msg.findtext("source") or "")
        tr = msg.find("translation")
        if forms is None or tr is None:
            missing.append(f"en plural: {msg.findtext('source')}")
            continue
        for f in list(tr):
            tr.remove(f)
        tr.text = None
        tr.attrib.pop("type", None)
        for form in forms:
            ET.SubElement(tr, "numerusform").text = form
    en.write(TS_EN, encoding="utf-8", xml_declaration=True)
    run("pyside6-lrelease", str(TS_EN), "-qm", str(QM_EN))
    for m in missing:
        print("untranslated:", m)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
