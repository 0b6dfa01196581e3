<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv" sourcelanguage="en">
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Manager approval</source>
        <translation>Godkännande av chef</translation>
    </message>
    <message>
        <source>Manager: enter your PIN</source>
        <translation>Chef: slå din PIN-kod</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Kontrollerar…</translation>
    </message>
    <message>
        <source>Approved by a manager</source>
        <translation>Godkänt av chef</translation>
    </message>
</context>
<context>
    <name>ApprovalRulesView</name>
    <message>
        <source>Needs a manager&apos;s PIN at the till</source>
        <translation>Kräver en chefs PIN i kassan</translation>
    </message>
    <message>
        <source>A manager logged in at the till approves their own. Only the discount limit is set here; the other limits are the registers&apos; configuration.</source>
        <translation>En chef som är inloggad i kassan godkänner sina egna. Bara rabattgränsen ställs in här; övriga gränser är kassornas konfiguration.</translation>
    </message>
    <message>
        <source>A discount on a line above the cashier&apos;s discount limit</source>
        <translation>Rabatt på en rad över kassörens rabattgräns</translation>
    </message>
    <message>
        <source>A discount on the whole sale above the cashier&apos;s discount limit</source>
        <translation>Rabatt på hela köpet över kassörens rabattgräns</translation>
    </message>
    <message>
        <source>Changing an article&apos;s price</source>
        <translation>Ändra en artikels pris</translation>
    </message>
    <message>
        <source>Opening the drawer without a sale</source>
        <translation>Öppna kassalådan utan köp</translation>
    </message>
    <message>
        <source>A return without a receipt</source>
        <translation>Retur utan kvitto</translation>
    </message>
    <message>
        <source>An invoice to a customer over their credit limit or with an overdue invoice</source>
        <translation>Faktura till en kund över sin kreditgräns eller med en förfallen faktura</translation>
    </message>
    <message>
        <source>Closing the day with the cash over or short by more than allowed</source>
        <translation>Dagsavslut med större kassadifferens än tillåtet</translation>
    </message>
</context>
<context>
    <name>AttractPage</name>
    <message>
        <source>Welcome!</source>
        <translation>Välkommen!</translation>
    </message>
    <message>
        <source>Find products, scan a barcode, see what is in stock here, in our other stores and online, and save your cart to pay at the till or on your phone.</source>
        <translation>Hitta varor, skanna en streckkod, se vad som finns i lager här, i våra andra butiker och på webben, och spara din varukorg för att betala i kassan eller i mobilen.</translation>
    </message>
    <message>
        <source>Touch the screen to start</source>
        <translation>Tryck på skärmen för att börja</translation>
    </message>
</context>
<context>
    <name>BackofficeLogin</name>
    <message>
        <source>Back office: who are you?</source>
        <translation>Backoffice: vem är du?</translation>
    </message>
    <message>
        <source>For store managers. Log in with your PIN, as at the till.</source>
        <translation>För butikschefer. Logga in med din PIN-kod, som i kassan.</translation>
    </message>
    <message>
        <source>Choose your name, then enter your PIN.</source>
        <translation>Välj ditt namn och slå sedan din PIN-kod.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN-kod</translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation>Välj ditt namn först.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Kontrollerar…</translation>
    </message>
</context>
<context>
    <name>BackofficeWindow</name>
    <message>
        <source>omnipos back office</source>
        <translation>omnipos backoffice</translation>
    </message>
    <message>
        <source>Back office</source>
        <translation>Backoffice</translation>
    </message>
    <message>
        <source>Log out (Ctrl+L)</source>
        <translation>Logga ut (Ctrl+L)</translation>
    </message>
    <message>
        <source>Logged in: %1</source>
        <translation>Inloggad: %1</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Något gick fel</translation>
    </message>
    <message>
        <source>The back office hit an unexpected error. Nothing was changed by the step that failed.

%1</source>
        <translation>Backoffice stötte på ett oväntat fel. Steget som misslyckades ändrade ingenting.

%1</translation>
    </message>
</context>
<context>
    <name>BillingAddressDialog</name>
    <message>
        <source>Billing address</source>
        <translation>Fakturaadress</translation>
    </message>
    <message>
        <source>Billing address of %1</source>
        <translation>Fakturaadress för %1</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Gatuadress</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Invoice to this address (Enter)</source>
        <translation>Fakturera till den här adressen (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
    <message>
        <source>Type the street, a postcode of five digits and the town</source>
        <translation>Skriv gatuadress, ett postnummer med fem siffror och ort</translation>
    </message>
</context>
<context>
    <name>CampaignTable</name>
    <message>
        <source>Campaign</source>
        <translation>Kampanj</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Kvitton</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Försäljning</translation>
    </message>
    <message>
        <source>Same days before</source>
        <translation>Lika många dagar före</translation>
    </message>
    <message>
        <source>Same days before: the same articles&apos; sales in as many days just before the campaign started. A comparison of two periods, not a measured effect.</source>
        <translation>Lika många dagar före: samma artiklars försäljning under lika många dagar närmast före kampanjens start. En jämförelse mellan två perioder, inte en uppmätt effekt.</translation>
    </message>
    <message>
        <source>No campaign ran on these days.</source>
        <translation>Ingen kampanj pågick dessa dagar.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n day(s))</source>
        <translation>
            <numerusform>%1 (%n dag)</numerusform>
            <numerusform>%1 (%n dagar)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CampaignsPage</name>
    <message>
        <source>Campaigns (as the tills have them from the last sync; UTC)</source>
        <translation>Kampanjer (som kassorna har dem från senaste synken; UTC)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>Erbjudande</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampanj</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hur</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisk</translation>
    </message>
    <message>
        <source>code</source>
        <translation>kod</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Värde</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Börjar</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Slutar</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Använd</translation>
    </message>
    <message>
        <source>Filter: code, campaign, status…</source>
        <translation>Filtrera: kod, kampanj, status…</translation>
    </message>
    <message>
        <source>The price at the till now</source>
        <translation>Priset i kassan nu</translation>
    </message>
    <message>
        <source>Scan or type an article (Ctrl+F)</source>
        <translation>Skanna eller skriv en artikel (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show the price (Enter)</source>
        <translation>Visa priset (Enter)</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnr</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <source>At the till</source>
        <translation>I kassan</translation>
    </message>
    <message>
        <source>Promotions</source>
        <translation>Erbjudanden</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampanjer</translation>
    </message>
    <message>
        <source>on the order</source>
        <translation>på köpet</translation>
    </message>
    <message>
        <source>on articles</source>
        <translation>på artiklar</translation>
    </message>
    <message>
        <source>Ended / not active</source>
        <translation>Slut / inte aktiv</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Kommande</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <source>No promotions synced yet.</source>
        <translation>Inga erbjudanden synkade ännu.</translation>
    </message>
    <message>
        <source>No article found.</source>
        <translation>Ingen artikel hittades.</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <source>Article</source>
        <translation>Vara</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>→ Home delivery</source>
        <translation>→ Hemleverans</translation>
    </message>
    <message>
        <source>Web price (till: %1)</source>
        <translation>Webbpris (kassan: %1)</translation>
    </message>
    <message>
        <source>Web order #%1</source>
        <translation>Webborder #%1</translation>
    </message>
    <message>
        <source>%1 kg à %2 kr/kg</source>
        <translation>%1 kg à %2 kr/kg</translation>
    </message>
    <message>
        <source>Label %1</source>
        <translation>Etikett %1</translation>
    </message>
    <message>
        <source>From the web cart</source>
        <translation>Från webbvarukorgen</translation>
    </message>
    <message>
        <source>Price changed from %1 by %2</source>
        <translation>Priset ändrat från %1 av %2</translation>
    </message>
    <message>
        <source>Promotion %1: -%2 kr</source>
        <translation>Kampanj %1: -%2 kr</translation>
    </message>
    <message>
        <source>without receipt</source>
        <translation>utan kvitto</translation>
    </message>
    <message>
        <source>web order #%1</source>
        <translation>webborder #%1</translation>
    </message>
    <message>
        <source>receipt %1</source>
        <translation>kvitto %1</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retur</translation>
    </message>
</context>
<context>
    <name>CartView</name>
    <message>
        <source>Your cart</source>
        <translation>Din varukorg</translation>
    </message>
    <message>
        <source>E-mail or phone (optional)</source>
        <translation>E-post eller telefon (frivilligt)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Save cart and show its QR code</source>
        <translation>Spara varukorgen och visa QR-koden</translation>
    </message>
    <message>
        <source>Keep shopping</source>
        <translation>Fortsätt handla</translation>
    </message>
    <message>
        <source>Your e-mail or phone puts the cart on your account (optional)</source>
        <translation>Med din e-post eller ditt telefonnummer hamnar varukorgen på ditt konto (frivilligt)</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Totalt %1</translation>
    </message>
    <message>
        <source>The cart is empty</source>
        <translation>Varukorgen är tom</translation>
    </message>
    <message>
        <source>You save %1</source>
        <translation>Du sparar %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <source>Scan this code at a till to pay, or with your phone to take the cart with you</source>
        <translation>Skanna koden i en kassa för att betala, eller med mobilen för att ta med varukorgen</translation>
    </message>
    <message>
        <source>Not here? Order it home or to another store (F4)</source>
        <translation>Finns den inte här? Beställ hem eller till en annan butik (F4)</translation>
    </message>
</context>
<context>
    <name>CashCountDialog</name>
    <message>
        <source>Close the shift (Z report)</source>
        <translation>Stäng skiftet (Z-rapport)</translation>
    </message>
    <message>
        <source>Count the drawer: how many of each note and coin?</source>
        <translation>Räkna kassalådan: hur många av varje sedel och mynt?</translation>
    </message>
    <message>
        <source>note</source>
        <translation>sedel</translation>
    </message>
    <message>
        <source>coin</source>
        <translation>mynt</translation>
    </message>
    <message>
        <source>%1 kr %2</source>
        <translation>%1 kr %2</translation>
    </message>
    <message numerus="yes">
        <source>%n parked sale(s), %1 kr, stay parked for the next shift.</source>
        <translation>
            <numerusform>%n parkerat köp, %1 kr, ligger kvar till nästa skift.</numerusform>
            <numerusform>%n parkerade köp, %1 kr, ligger kvar till nästa skift.</numerusform>
        </translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nästa</translation>
    </message>
    <message>
        <source>Close the shift</source>
        <translation>Stäng skiftet</translation>
    </message>
    <message>
        <source>Counted %1 kr</source>
        <translation>Räknat %1 kr</translation>
    </message>
</context>
<context>
    <name>CashMovementDialog</name>
    <message>
        <source>Reason (required)</source>
        <translation>Anledning (krävs)</translation>
    </message>
    <message>
        <source>Give a reason for the cash movement</source>
        <translation>Ange en anledning till kontantrörelsen</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Insättning</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Uttag</translation>
    </message>
    <message>
        <source>Amount put into the drawer (kr) and why</source>
        <translation>Belopp som läggs i lådan (kr) och varför</translation>
    </message>
    <message>
        <source>Amount taken out of the drawer (kr) and why</source>
        <translation>Belopp som tas ur lådan (kr) och varför</translation>
    </message>
    <message>
        <source>Change for the drawer</source>
        <translation>Växel till lådan</translation>
    </message>
    <message>
        <source>Bank deposit</source>
        <translation>Insättning på banken</translation>
    </message>
    <message>
        <source>Petty cash purchase</source>
        <translation>Småinköp</translation>
    </message>
    <message>
        <source>Tips</source>
        <translation>Dricks</translation>
    </message>
</context>
<context>
    <name>CatalogSyncStatus</name>
    <message>
        <source>Catalogue: not synced yet</source>
        <extracomment>A sync finished (its report): the till may take the new promotions between customers.</extracomment>
        <translation>Katalog: inte synkad än</translation>
    </message>
    <message>
        <source>Sync the catalogue, stock and promotions now</source>
        <translation>Synka katalog, lager och kampanjer nu</translation>
    </message>
    <message>
        <source>Catalogue: syncing…</source>
        <translation>Katalog: synkar…</translation>
    </message>
    <message>
        <source>Catalogue: %1 of %2</source>
        <translation>Katalog: %1 av %2</translation>
    </message>
    <message>
        <source>Catalogue: %1 articles</source>
        <translation>Katalog: %1 artiklar</translation>
    </message>
    <message>
        <source>Catalogue: synced %1</source>
        <translation>Katalog: synkad %1</translation>
    </message>
    <message>
        <source>Catalogue: sync failed, selling on</source>
        <translation>Katalog: synken misslyckades, kassan säljer vidare</translation>
    </message>
</context>
<context>
    <name>ChannelPanel</name>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Kvitton</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returnerat</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Försäljning</translation>
    </message>
    <message>
        <source>Receipts per channel: every receipt with a line of the channel, return receipts included; a receipt with lines of two channels counts in both.</source>
        <translation>Kvitton per kanal: varje kvitto med en rad i kanalen, returkvitton medräknade; ett kvitto med rader i två kanaler räknas i båda.</translation>
    </message>
    <message>
        <source>This store&apos;s tills</source>
        <translation>Butikens kassor</translation>
    </message>
    <message>
        <source>Web orders collected here</source>
        <translation>Webbordrar hämtade här</translation>
    </message>
    <message>
        <source>Web orders returned here</source>
        <translation>Webbordrar returnerade här</translation>
    </message>
    <message>
        <source>Ship-to-home placed here</source>
        <translation>Hemleveranser beställda här</translation>
    </message>
    <message>
        <source>Web carts paid here</source>
        <translation>Webbkorgar betalda här</translation>
    </message>
    <message numerus="yes">
        <source>%n web order(s) paid on the web handed over here (no sale here).</source>
        <translation>
            <numerusform>%n webborder betald på webben lämnades ut här (ingen försäljning här).</numerusform>
            <numerusform>%n webbordrar betalda på webben lämnades ut här (ingen försäljning här).</numerusform>
        </translation>
    </message>
    <message>
        <source>Sales (kr)</source>
        <translation>Försäljning (kr)</translation>
    </message>
</context>
<context>
    <name>ComingSoonWindow</name>
    <message>
        <source>Coming in a later release.</source>
        <translation>Kommer i en senare version.</translation>
    </message>
    <message>
        <source>Close</source>
        <comment>button: closes this window</comment>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Find the customer by phone, e-mail, name or card</source>
        <translation>Sök kunden på telefon, e-post, namn eller kort</translation>
    </message>
    <message>
        <source>e.g. 070-123 45 67</source>
        <translation>t.ex. 070-123 45 67</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>On this sale: %1</source>
        <translation>På köpet: %1</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Välj</translation>
    </message>
    <message>
        <source>No customer</source>
        <translation>Ingen kund</translation>
    </message>
    <message>
        <source>Type a phone number, an e-mail or a name</source>
        <translation>Skriv ett telefonnummer, en e-post eller ett namn</translation>
    </message>
    <message>
        <source>Searching the central store…</source>
        <translation>Söker i centralsystemet…</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) found</source>
        <translation>
            <numerusform>%n kund hittades</numerusform>
            <numerusform>%n kunder hittades</numerusform>
        </translation>
    </message>
    <message>
        <source>No customer found</source>
        <translation>Ingen kund hittades</translation>
    </message>
</context>
<context>
    <name>CustomerDisplayWindow</name>
    <message>
        <source>Customer display</source>
        <translation>Kundskärm</translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation>Välkommen!</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>Att betala</translation>
    </message>
    <message>
        <source>Scan for your digital receipt</source>
        <translation>Skanna för ditt digitala kvitto</translation>
    </message>
    <message>
        <source>You save %1</source>
        <translation>Du sparar %1</translation>
    </message>
    <message>
        <source>of which VAT %1</source>
        <translation>varav moms %1</translation>
    </message>
    <message>
        <source>Campaign −%1</source>
        <translation>Kampanj −%1</translation>
    </message>
    <message>
        <source>Paid %1</source>
        <translation>Betalt %1</translation>
    </message>
    <message>
        <source>Change %1</source>
        <comment>money handed back to the customer</comment>
        <translation>Växel %1</translation>
    </message>
    <message>
        <source>Pay %1 with %2</source>
        <translation>Betala %1 med %2</translation>
    </message>
    <message>
        <source>Scan the code with the %1 app</source>
        <translation>Skanna koden med %1-appen</translation>
    </message>
    <message>
        <source>Approve the payment in the %1 app on your phone</source>
        <translation>Godkänn betalningen i %1-appen i din telefon</translation>
    </message>
</context>
<context>
    <name>CustomerFormDialog</name>
    <message>
        <source>New customer</source>
        <translation>Ny kund</translation>
    </message>
    <message>
        <source>Customer&apos;s details</source>
        <translation>Kunduppgifter</translation>
    </message>
    <message>
        <source>name@example.se</source>
        <translation>namn@exempel.se</translation>
    </message>
    <message>
        <source>e.g. 070-123 45 67</source>
        <translation>t.ex. 070-123 45 67</translation>
    </message>
    <message>
        <source>123 45</source>
        <translation>123 45</translation>
    </message>
    <message>
        <source>Wants offers by e-mail</source>
        <translation>Vill ha erbjudanden via e-post</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Förnamn</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Efternamn</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Gatuadress</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Already a customer?</source>
        <translation>Redan kund?</translation>
    </message>
    <message>
        <source>Use this customer</source>
        <translation>Använd den här kunden</translation>
    </message>
    <message>
        <source>Why this is another person (e.g. shares a phone)</source>
        <translation>Varför det är en annan person (t.ex. delar telefon)</translation>
    </message>
    <message>
        <source>Create a new one all the same</source>
        <translation>Skapa en ny ändå</translation>
    </message>
    <message>
        <source>Create customer</source>
        <translation>Skapa kund</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Consent last changed %1 (%2)</source>
        <translation>Samtycket ändrades senast %1 (%2)</translation>
    </message>
    <message>
        <source>Saving in the central store…</source>
        <translation>Sparar i centralsystemet…</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) already look like this one: use one of them, or give a reason to create a new customer</source>
        <translation>
            <numerusform>%n befintlig kund liknar den här: använd den, eller ange ett skäl för att skapa en ny kund</numerusform>
            <numerusform>%n befintliga kunder liknar den här: använd en av dem, eller ange ett skäl för att skapa en ny kund</numerusform>
        </translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>samma e-post</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>samma telefon</translation>
    </message>
    <message>
        <source>similar name, same postcode</source>
        <translation>liknande namn, samma postnummer</translation>
    </message>
</context>
<context>
    <name>CustomerHistoryDialog</name>
    <message>
        <source>Customer&apos;s history</source>
        <translation>Kundens historik</translation>
    </message>
    <message>
        <source>Purchases of %1 in store and on the web</source>
        <translation>Köp av %1 i butik och på webben</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Var</translation>
    </message>
    <message>
        <source>Receipt / order</source>
        <translation>Kvitto / order</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artiklar</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summa</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Newer (PgUp)</source>
        <translation>Nyare (PgUp)</translation>
    </message>
    <message>
        <source>Older (PgDn)</source>
        <translation>Äldre (PgDn)</translation>
    </message>
    <message>
        <source>Return… (F9)</source>
        <translation>Retur… (F9)</translation>
    </message>
    <message>
        <source>Reading the history from the central store…</source>
        <translation>Hämtar historiken från centralsystemet…</translation>
    </message>
    <message>
        <source>%1-%2 of %3 purchases</source>
        <translation>%1–%2 av %3 köp</translation>
    </message>
    <message>
        <source>No purchases yet</source>
        <translation>Inga köp än</translation>
    </message>
    <message>
        <source>Store %1</source>
        <translation>Butik %1</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Webb</translation>
    </message>
    <message>
        <source>Invoice %1 open</source>
        <translation>Faktura %1 obetald</translation>
    </message>
    <message>
        <source>Not paid yet</source>
        <translation>Ej betald än</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) returned</source>
        <translation>
            <numerusform>%n enhet returnerad</numerusform>
            <numerusform>%n enheter returnerade</numerusform>
        </translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betald</translation>
    </message>
</context>
<context>
    <name>CustomerRecordButtons</name>
    <message>
        <source>New customer (Ctrl+N)</source>
        <translation>Ny kund (Ctrl+N)</translation>
    </message>
    <message>
        <source>Details (Ctrl+E)</source>
        <translation>Uppgifter (Ctrl+E)</translation>
    </message>
    <message>
        <source>History (Ctrl+H)</source>
        <translation>Historik (Ctrl+H)</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Show (F5)</source>
        <translation>Visa (F5)</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Försäljning</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Kvitton</translation>
    </message>
    <message>
        <source>Average basket</source>
        <translation>Snittköp</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Returer</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>Moms</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Betalsätt</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Återbetalt</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Belopp</translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation>Momssats</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Kassa</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Sales per hour</source>
        <translation>Försäljning per timme</translation>
    </message>
    <message>
        <source>Top articles</source>
        <translation>Mest sålda artiklar</translation>
    </message>
    <message>
        <source>Payment methods</source>
        <translation>Betalsätt</translation>
    </message>
    <message>
        <source>VAT rates</source>
        <translation>Momssatser</translation>
    </message>
    <message>
        <source>Registers</source>
        <translation>Kassor</translation>
    </message>
    <message>
        <source>Sales per channel</source>
        <translation>Försäljning per kanal</translation>
    </message>
    <message>
        <source>Campaigns&apos; effect</source>
        <translation>Kampanjernas effekt</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Översikt</translation>
    </message>
    <message>
        <source>Reading the sales…</source>
        <translation>Läser försäljningen…</translation>
    </message>
    <message numerus="yes">
        <source>incl. VAT, %n article(s)</source>
        <translation>
            <numerusform>inkl. moms, %n artikel</numerusform>
            <numerusform>inkl. moms, %n artiklar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n return(s)</source>
        <translation>
            <numerusform>%n retur</numerusform>
            <numerusform>%n returer</numerusform>
        </translation>
    </message>
    <message>
        <source>discounts %1</source>
        <translation>rabatter %1</translation>
    </message>
    <message>
        <source>Sales per hour (kr)</source>
        <translation>Försäljning per timme (kr)</translation>
    </message>
    <message>
        <source>All registers, %1. F5 reads again.</source>
        <translation>Alla kassor, %1. F5 läser om.</translation>
    </message>
</context>
<context>
    <name>DateRangeBar</name>
    <message>
        <source>Today</source>
        <translation>Idag</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Igår</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 dagar</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 dagar</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Från</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Till</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <source>Home delivery</source>
        <translation>Hemleverans</translation>
    </message>
    <message>
        <source>Sent to the customer&apos;s home</source>
        <translation>Skickas hem till kunden</translation>
    </message>
    <message>
        <source>Looking up the customer&apos;s addresses…</source>
        <translation>Hämtar kundens adresser…</translation>
    </message>
    <message>
        <source>123 45</source>
        <translation>123 45</translation>
    </message>
    <message>
        <source>Looking up stock…</source>
        <translation>Hämtar lagersaldo…</translation>
    </message>
    <message>
        <source>Shipping %1 kr</source>
        <translation>Frakt %1 kr</translation>
    </message>
    <message>
        <source>(free from %1 kr)</source>
        <translation>(fri frakt från %1 kr)</translation>
    </message>
    <message>
        <source>Free home delivery</source>
        <translation>Fri hemleverans</translation>
    </message>
    <message>
        <source>Save delivery</source>
        <translation>Spara leverans</translation>
    </message>
    <message>
        <source>From the profile</source>
        <translation>Från kundprofilen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>Gatuadress</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Sent from</source>
        <translation>Skickas från</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Frakt</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Beräknas fram</translation>
    </message>
    <message>
        <source>No customer on the sale: type the address</source>
        <translation>Ingen kund på köpet: skriv adressen</translation>
    </message>
    <message>
        <source>The saved addresses cannot be read now: type it</source>
        <translation>De sparade adresserna kan inte läsas nu: skriv adressen</translation>
    </message>
    <message>
        <source>The customer has no saved address: type it</source>
        <translation>Kunden har ingen sparad adress: skriv den</translation>
    </message>
    <message>
        <source>Choose a saved address…</source>
        <translation>Välj en sparad adress…</translation>
    </message>
    <message>
        <source>%1 (%2 available)</source>
        <translation>%1 (%2 tillgängliga)</translation>
    </message>
    <message>
        <source>%1 cannot send this: not enough in stock there. Choose another location, or sell the article another day.</source>
        <translation>%1 kan inte skicka detta: inte tillräckligt i lager där. Välj ett annat lager, eller sälj varan en annan dag.</translation>
    </message>
    <message>
        <source>Not enough in stock at %1 for this delivery</source>
        <translation>Inte tillräckligt i lager i %1 för leveransen</translation>
    </message>
    <message>
        <source>The nearest location with everything in stock</source>
        <translation>Närmaste lager med allt i lager</translation>
    </message>
    <message>
        <source>Chosen by the cashier (the nearest is %1)</source>
        <translation>Valt av kassören (närmast är %1)</translation>
    </message>
    <message>
        <source>(stock figures not fresh)</source>
        <translation>(lagersaldot är inte aktuellt)</translation>
    </message>
</context>
<context>
    <name>DeliveryFlow</name>
    <message>
        <source>Choose an article, not the shipping line.</source>
        <translation>Välj en artikel, inte fraktraden.</translation>
    </message>
    <message>
        <source>The shipping line follows the delivery.</source>
        <translation>Fraktraden följer hemleveransen.</translation>
    </message>
    <message>
        <source>%1 is sent to the customer&apos;s home.</source>
        <translation>%1 skickas hem till kunden.</translation>
    </message>
    <message>
        <source>%1 is taken now.</source>
        <translation>%1 tas med nu.</translation>
    </message>
    <message>
        <source>Mark a line for home delivery first (Ctrl+D).</source>
        <translation>Markera först en rad för hemleverans (Ctrl+D).</translation>
    </message>
    <message>
        <source>Home delivery saved.</source>
        <translation>Hemleveransen är sparad.</translation>
    </message>
    <message>
        <source>Home delivery: address missing (Ctrl+Shift+D)</source>
        <translation>Hemleverans: adress saknas (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Home delivery from %1
%2, %3</source>
        <translation>Hemleverans från %1
%2, %3</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Registers and their devices</source>
        <translation>Kassor och deras enheter</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Kassa</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Skrivare</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Skanner</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Kunddisplay</translation>
    </message>
    <message>
        <source>Configured</source>
        <translation>Inställd</translation>
    </message>
    <message>
        <source>Check the devices (Ctrl+T)</source>
        <translation>Kontrollera enheterna (Ctrl+T)</translation>
    </message>
    <message>
        <source>Test print (Ctrl+P)</source>
        <translation>Testutskrift (Ctrl+P)</translation>
    </message>
    <message>
        <source>Open the drawer (Ctrl+D)</source>
        <translation>Öppna kassalådan (Ctrl+D)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>FAULT</source>
        <translation>FEL</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Enheter</translation>
    </message>
    <message>
        <source>This machine&apos;s [devices]</source>
        <translation>Den här datorns [devices]</translation>
    </message>
    <message>
        <source>[register_devices.%1] in the config</source>
        <translation>[register_devices.%1] i inställningarna</translation>
    </message>
    <message>
        <source>Not configured here: add [register_devices.%1] to the config</source>
        <translation>Inte inställd här: lägg till [register_devices.%1] i inställningarna</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>klar</translation>
    </message>
    <message>
        <source>out of paper</source>
        <translation>slut på papper</translation>
    </message>
    <message>
        <source>paper nearly out</source>
        <translation>pappret nästan slut</translation>
    </message>
    <message>
        <source>cover open</source>
        <translation>luckan öppen</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>frånkopplad</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nås inte</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>ej kontrollerad</translation>
    </message>
    <message>
        <source>cannot print</source>
        <translation>kan inte skriva ut</translation>
    </message>
    <message>
        <source>bad setting</source>
        <translation>felaktig inställning</translation>
    </message>
    <message>
        <source>error</source>
        <translation>fel</translation>
    </message>
    <message>
        <source>Checking the devices of %1…</source>
        <translation>Kontrollerar enheterna i %1…</translation>
    </message>
    <message>
        <source>%1 of %2 devices have a fault.</source>
        <translation>%1 av %2 enheter har fel.</translation>
    </message>
    <message>
        <source>Every device answers.</source>
        <translation>Alla enheter svarar.</translation>
    </message>
    <message>
        <source>The test receipt is printed on %1.</source>
        <translation>Testkvittot är utskrivet på %1.</translation>
    </message>
    <message>
        <source>The drawer of %1 is opened (journaled).</source>
        <translation>Kassalådan i %1 är öppnad (journalförd).</translation>
    </message>
    <message>
        <source>The printer of %1 does not answer: nothing was printed. Check that it is switched on and connected.</source>
        <translation>Skrivaren i %1 svarar inte: inget skrevs ut. Kontrollera att den är påslagen och ansluten.</translation>
    </message>
</context>
<context>
    <name>DiscountLimitDialog</name>
    <message>
        <source>Discount limit</source>
        <translation>Rabattgräns</translation>
    </message>
    <message>
        <source>Percent, 0 to 100. Empty: %1.</source>
        <translation>Procent, 0 till 100. Tomt: %1.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>A discount limit is a percentage from 0 to 100.</source>
        <translation>En rabattgräns är en procentsats från 0 till 100.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The drawer is {variance} kr off (more than {limit} kr): a manager must accept it</source>
        <comment>approval.cash_variance</comment>
        <translation>Kassalådan skiljer {variance} kr (mer än {limit} kr): en chef måste godkänna det</translation>
    </message>
    <message>
        <source>A discount above {percent} % needs a manager</source>
        <comment>approval.discount_above</comment>
        <translation>En rabatt över {percent} % kräver en chef</translation>
    </message>
    <message>
        <source>{off} kr off {name} ({share} % of {base} kr) is above {percent} %: a manager must approve it</source>
        <comment>approval.line_discount_of</comment>
        <translation>{off} kr rabatt på {name} ({share} % av {base} kr) är över {percent} %: en chef måste godkänna den</translation>
    </message>
    <message>
        <source>Opening the drawer without a sale needs a manager</source>
        <comment>approval.no_sale</comment>
        <translation>Att öppna lådan utan köp kräver en chef</translation>
    </message>
    <message>
        <source>A price change needs a manager</source>
        <comment>approval.price_change</comment>
        <translation>En prisändring kräver en chef</translation>
    </message>
    <message>
        <source>Changing the price of {name} from {old} kr to {new} kr needs a manager</source>
        <comment>approval.price_change_of</comment>
        <translation>Att ändra priset på {name} från {old} kr till {new} kr kräver en chef</translation>
    </message>
    <message>
        <source>{off} kr off the whole sale ({share} % of {base} kr) is above {percent} %: a manager must approve it</source>
        <comment>approval.sale_discount_of</comment>
        <translation>{off} kr rabatt på hela köpet ({share} % av {base} kr) är över {percent} %: en chef måste godkänna den</translation>
    </message>
    <message>
        <source>Too many wrong PINs: locked, try again in {minutes} min</source>
        <comment>auth.locked</comment>
        <translation>För många fel PIN-koder: låst, försök igen om {minutes} min</translation>
    </message>
    <message>
        <source>Log in first</source>
        <comment>auth.log_in_first</comment>
        <translation>Logga in först</translation>
    </message>
    <message>
        <source>That is not a manager&apos;s PIN</source>
        <comment>auth.not_a_manager</comment>
        <translation>Det är inte en chefs PIN-kod</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits</source>
        <comment>auth.pin_format</comment>
        <translation>En PIN-kod har 4 till 8 siffror</translation>
    </message>
    <message>
        <source>Unknown user</source>
        <comment>auth.unknown_user</comment>
        <translation>Okänd användare</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <comment>auth.wrong_pin</comment>
        <translation>Fel PIN-kod</translation>
    </message>
    <message>
        <source>Wrong PIN. Too many attempts: locked for 5 minutes</source>
        <comment>auth.wrong_pin_locked</comment>
        <translation>Fel PIN-kod. För många försök: låst i 5 minuter</translation>
    </message>
    <message>
        <source>The variable-measure barcode layout with prefix {prefix} is not valid: {detail}</source>
        <comment>barcodes.layout_invalid</comment>
        <translation>Streckkodsmallen för vikt- och prisvaror med prefixet {prefix} är inte giltig: {detail}</translation>
    </message>
    <message>
        <source>The code {code} is already on this sale</source>
        <comment>cart.code_already_on_sale</comment>
        <translation>Koden {code} finns redan på köpet</translation>
    </message>
    <message>
        <source>The code {code} is not on this sale</source>
        <comment>cart.code_not_on_sale</comment>
        <translation>Koden {code} finns inte på köpet</translation>
    </message>
    <message>
        <source>A discount amount must be above zero</source>
        <comment>cart.discount_amount_positive</comment>
        <translation>Ett rabattbelopp måste vara större än noll</translation>
    </message>
    <message>
        <source>A discount is either a percentage or an amount</source>
        <comment>cart.discount_kind</comment>
        <translation>En rabatt är antingen en procentsats eller ett belopp</translation>
    </message>
    <message>
        <source>A percentage discount must be above 0 and at most 100 %</source>
        <comment>cart.discount_percent_range</comment>
        <translation>En procentrabatt måste vara över 0 och högst 100 %</translation>
    </message>
    <message>
        <source>A price cannot be negative</source>
        <comment>cart.negative_price</comment>
        <translation>Ett pris kan inte vara negativt</translation>
    </message>
    <message>
        <source>{name} is no longer sold</source>
        <comment>cart.no_longer_sold</comment>
        <translation>{name} säljs inte längre</translation>
    </message>
    <message>
        <source>There is no line {line} in this sale</source>
        <comment>cart.no_such_line</comment>
        <translation>Det finns ingen rad {line} i köpet</translation>
    </message>
    <message>
        <source>{name} is sold by the piece, not by weight: type a whole number</source>
        <comment>cart.not_sold_by_weight</comment>
        <translation>{name} säljs per styck, inte per vikt: skriv ett heltal</translation>
    </message>
    <message>
        <source>Nothing left to discount on this line</source>
        <comment>cart.nothing_left_on_line</comment>
        <translation>Inget kvar att rabattera på raden</translation>
    </message>
    <message>
        <source>Nothing to discount: the cart is empty</source>
        <comment>cart.nothing_to_discount</comment>
        <translation>Inget att rabattera: köpet är tomt</translation>
    </message>
    <message>
        <source>The quantity can be at most {max}</source>
        <comment>cart.quantity_too_large</comment>
        <translation>Antalet kan vara högst {max}</translation>
    </message>
    <message>
        <source>The quantity must be a whole number</source>
        <comment>cart.quantity_whole</comment>
        <translation>Antalet måste vara ett heltal</translation>
    </message>
    <message>
        <source>{name} is weighed: its weight is its quantity (scan each package&apos;s own label)</source>
        <comment>cart.weighed_line_quantity</comment>
        <translation>{name} är en viktvara: vikten är dess antal (skanna varje förpacknings egen etikett)</translation>
    </message>
    <message>
        <source>{name} is sold by weight: type its weight in kg (for example 0,512) before scanning it, or scan the label from the scale</source>
        <comment>cart.weight_needed</comment>
        <translation>{name} säljs per vikt: skriv vikten i kg (till exempel 0,512) innan du skannar den, eller skanna etiketten från vågen</translation>
    </message>
    <message>
        <source>No article with code {code} in the catalogue</source>
        <comment>catalog.unknown_code</comment>
        <translation>Ingen vara med koden {code} i sortimentet</translation>
    </message>
    <message>
        <source>No article with code {code}: no article has the short number {plu} its label names</source>
        <comment>catalog.unknown_plu</comment>
        <translation>Ingen vara med koden {code}: ingen vara har kortnumret {plu} som etiketten anger</translation>
    </message>
    <message>
        <source>Register {register} is not enrolled with the central store: sales are kept here until an administrator enrols it</source>
        <comment>central.not_enrolled</comment>
        <translation>Kassa {register} är inte registrerad hos centralsystemet: försäljningen sparas här tills en administratör registrerar kassan</translation>
    </message>
    <message>
        <source>The central store refuses register {register}&apos;s key (revoked): sales are kept here until an administrator enrols it again</source>
        <comment>central.register_revoked</comment>
        <translation>Centralsystemet godtar inte kassa {register}:s nyckel (spärrad): försäljningen sparas här tills en administratör registrerar kassan igen</translation>
    </message>
    <message>
        <source>A count cannot be negative ({amount}: {count})</source>
        <comment>count.negative</comment>
        <translation>Ett antal kan inte vara negativt ({amount}: {count})</translation>
    </message>
    <message>
        <source>{amount} is not a Swedish note or coin</source>
        <comment>count.unknown_denomination</comment>
        <translation>{amount} är ingen svensk sedel eller mynt</translation>
    </message>
    <message>
        <source>The central store cannot be reached, so customer card {card} cannot be read now. Sell without it</source>
        <comment>customers.card_unreachable</comment>
        <translation>Centralsystemet nås inte, så kundkort {card} kan inte läsas nu. Sälj utan det</translation>
    </message>
    <message>
        <source>No central store is set up: customer cards cannot be read</source>
        <comment>customers.cards_need_central_store</comment>
        <translation>Inget centralsystem är inställt: kundkort kan inte läsas</translation>
    </message>
    <message>
        <source>No central store is set up: customers cannot be searched</source>
        <comment>customers.no_central_store</comment>
        <translation>Inget centralsystem är inställt: kunder kan inte sökas</translation>
    </message>
    <message>
        <source>No customer has card {card}</source>
        <comment>customers.no_such_card</comment>
        <translation>Ingen kund har kort {card}</translation>
    </message>
    <message>
        <source>The customer search failed: {detail}</source>
        <comment>customers.search_failed</comment>
        <translation>Kundsökningen misslyckades: {detail}</translation>
    </message>
    <message>
        <source>The central store cannot be reached, so customers cannot be searched now. Sell without one</source>
        <comment>customers.unreachable</comment>
        <translation>Centralsystemet nås inte, så kunder kan inte sökas nu. Sälj utan kund</translation>
    </message>
    <message>
        <source>A sale is in progress: finish or park it before opening the drawer without a sale</source>
        <comment>drawer.sale_in_progress</comment>
        <translation>Ett köp pågår: slutför eller parkera det innan lådan öppnas utan köp</translation>
    </message>
    <message>
        <source>The delivery address lacks {missing}</source>
        <comment>delivery.address_incomplete</comment>
        <translation>Leveransadressen saknar {missing}</translation>
    </message>
    <message>
        <source>Too many wrong manager PINs at this register: approvals are locked, try again in {minutes} min</source>
        <comment>auth.approvals_locked</comment>
        <translation>För många felaktiga chefs-PIN vid den här kassan: godkännanden är spärrade, försök igen om {minutes} min</translation>
    </message>
    <message>
        <source>{name} is the last active manager: the back office would have no one to log in</source>
        <comment>backoffice.last_manager</comment>
        <translation>{name} är den sista aktiva chefen: ingen skulle kunna logga in i backoffice</translation>
    </message>
    <message>
        <source>The back office is for managers: {name} is a cashier</source>
        <comment>backoffice.managers_only</comment>
        <translation>Backoffice är för chefer: {name} är kassör</translation>
    </message>
    <message>
        <source>No receipt printer is configured for the back office ([devices] printer)</source>
        <comment>backoffice.no_printer</comment>
        <translation>Ingen kvittoskrivare är inställd för backoffice ([devices] printer)</translation>
    </message>
    <message>
        <source>Register {register} has no receipt {receipt}</source>
        <comment>backoffice.no_receipt</comment>
        <translation>Kassa {register} har inget kvitto {receipt}</translation>
    </message>
    <message>
        <source>The message {key} is not dead: only dead messages are retried</source>
        <comment>backoffice.not_dead</comment>
        <translation>Meddelandet {key} är inte dött: bara döda meddelanden skickas om</translation>
    </message>
    <message>
        <source>{code} is no receipt: scan its barcode or type the register and the receipt number (K1 12)</source>
        <comment>backoffice.receipt_code</comment>
        <translation>{code} är inget kvitto: skanna dess streckkod eller skriv kassan och kvittonumret (K1 12)</translation>
    </message>
    <message>
        <source>There is already a staff member {staff_id}</source>
        <comment>backoffice.staff_exists</comment>
        <translation>Det finns redan en anställd {staff_id}</translation>
    </message>
    <message>
        <source>A staff id is 1 to 40 letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <comment>backoffice.staff_id</comment>
        <translation>Ett inloggnings-id är 1 till 40 bokstäver, siffror, &apos;-&apos; eller &apos;_&apos;</translation>
    </message>
    <message>
        <source>Give the staff member&apos;s name</source>
        <comment>backoffice.staff_name</comment>
        <translation>Ange den anställdes namn</translation>
    </message>
    <message>
        <source>There is no staff member {staff_id}</source>
        <comment>backoffice.unknown_staff</comment>
        <translation>Det finns ingen anställd {staff_id}</translation>
    </message>
    <message>
        <source>A returned article&apos;s line gives back what was paid for it: remove it and return it again to change it</source>
        <comment>cart.return_line_fixed</comment>
        <translation>En returnerad artikels rad ger tillbaka vad som betalades för den: ta bort raden och returnera igen för att ändra den</translation>
    </message>
    <message>
        <source>The central store cannot be reached now</source>
        <comment>central.unreachable</comment>
        <translation>Centralsystemet nås inte just nu</translation>
    </message>
    <message>
        <source>An address needs a street, a postcode and a city</source>
        <comment>customers.address_incomplete</comment>
        <translation>En adress behöver gatuadress, postnummer och ort</translation>
    </message>
    <message>
        <source>&apos;{email}&apos; is not an e-mail address</source>
        <comment>customers.bad_email</comment>
        <translation>&quot;{email}&quot; är ingen e-postadress</translation>
    </message>
    <message>
        <source>&apos;{postcode}&apos; is not a Swedish postcode (five digits, e.g. 123 45)</source>
        <comment>customers.bad_postcode</comment>
        <translation>&quot;{postcode}&quot; är inget svenskt postnummer (fem siffror, t.ex. 123 45)</translation>
    </message>
    <message>
        <source>Give the customer&apos;s e-mail or phone number, so they can be found again</source>
        <comment>customers.contact_required</comment>
        <translation>Ange kundens e-post eller telefonnummer, så att kunden kan hittas igen</translation>
    </message>
    <message>
        <source>Another customer ({name}) already has the e-mail {email}</source>
        <comment>customers.email_taken</comment>
        <translation>En annan kund ({name}) har redan e-postadressen {email}</translation>
    </message>
    <message>
        <source>Type the customer&apos;s first and last name</source>
        <comment>customers.name_required</comment>
        <translation>Skriv kundens för- och efternamn</translation>
    </message>
    <message>
        <source>The central store has no customer {id}</source>
        <comment>customers.no_such_customer</comment>
        <translation>Centralsystemet har ingen kund {id}</translation>
    </message>
    <message>
        <source>This customer code is not valid (any more): ask the customer to open it again under My account</source>
        <comment>customers.no_such_token</comment>
        <translation>Kundkoden gäller inte (längre): be kunden öppna den på nytt under Mitt konto</translation>
    </message>
    <message>
        <source>{count} customer(s) already look like this one: use one of them, or give a reason to create a new customer</source>
        <comment>customers.possible_duplicates</comment>
        <translation>Det finns redan liknande kunder ({count}): använd en av dem, eller ange ett skäl för att skapa en ny kund</translation>
    </message>
    <message>
        <source>Say why this is another customer (at least {min} characters)</source>
        <comment>customers.reason_required</comment>
        <translation>Ange varför det är en annan kund (minst {min} tecken)</translation>
    </message>
    <message>
        <source>The central store refused: {detail}</source>
        <comment>customers.records_failed</comment>
        <translation>Centralsystemet nekade: {detail}</translation>
    </message>
    <message>
        <source>No central store is set up: customers cannot be created, changed or looked up here</source>
        <comment>customers.records_unavailable</comment>
        <translation>Inget centralsystem är inställt: kunder kan inte skapas, ändras eller slås upp här</translation>
    </message>
    <message>
        <source>The central store cannot be reached, so customers cannot be created, changed or looked up now</source>
        <comment>customers.records_unreachable</comment>
        <translation>Centralsystemet kan inte nås, så kunder kan inte skapas, ändras eller slås upp nu</translation>
    </message>
    <message>
        <source>{name} already has the e-mail {email}: use that customer</source>
        <comment>customers.same_email</comment>
        <translation>{name} har redan e-postadressen {email}: använd den kunden</translation>
    </message>
    <message>
        <source>The store&apos;s database is busy (another program is writing to it): nothing was changed, try again in a moment</source>
        <comment>db.busy</comment>
        <translation>Butikens databas är upptagen (ett annat program skriver i den): inget ändrades, försök igen om en stund</translation>
    </message>
    <message>
        <source>Lines marked for delivery need a delivery address</source>
        <comment>delivery.no_address</comment>
        <translation>Rader som ska hemlevereras behöver en leveransadress (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>{postcode} is not a Swedish postcode: five digits, written 123 45, the first one 1-9</source>
        <comment>delivery.postcode_invalid</comment>
        <translation>{postcode} är inte ett svenskt postnummer: fem siffror, skrivet 123 45, den första 1–9</translation>
    </message>
    <message>
        <source>The shipping line follows the delivery: it cannot be changed</source>
        <comment>delivery.shipping_line</comment>
        <translation>Fraktraden följer hemleveransen: den kan inte ändras</translation>
    </message>
    <message>
        <source>{location} is not a location this store sends from</source>
        <comment>delivery.unknown_location</comment>
        <translation>{location} är inget lager som butiken skickar från</translation>
    </message>
    <message>
        <source>The paper width in the config is not a number: {value}</source>
        <comment>diag.bad_width</comment>
        <translation>Pappersbredden i konfigurationen är inte ett tal: {value}</translation>
    </message>
    <message>
        <source>No test receipt can be made with these settings ({kind})</source>
        <comment>diag.cannot_print</comment>
        <translation>Inget testkvitto kan göras med de här inställningarna ({kind})</translation>
    </message>
    <message>
        <source>The check itself failed</source>
        <comment>diag.check_failed</comment>
        <translation>Själva kontrollen misslyckades</translation>
    </message>
    <message>
        <source>Cover open</source>
        <comment>diag.cover_open</comment>
        <translation>Luckan är öppen</translation>
    </message>
    <message>
        <source>Customer display window: shown by the till</source>
        <comment>diag.display_window</comment>
        <translation>Kunddisplayens fönster: visas av kassan</translation>
    </message>
    <message>
        <source>{url}: nothing to check here</source>
        <comment>diag.nothing_to_check</comment>
        <translation>{url}: inget att kontrollera här</translation>
    </message>
    <message>
        <source>Ready ({profile}, {columns} columns on {width} mm, {code_page}); the paper roll is nearly finished</source>
        <comment>diag.paper_near_end</comment>
        <translation>Klar ({profile}, {columns} tecken per rad på {width} mm, {code_page}); pappersrullen är nästan slut</translation>
    </message>
    <message>
        <source>Out of paper</source>
        <comment>diag.paper_out</comment>
        <translation>Slut på papper</translation>
    </message>
    <message>
        <source>Cannot open {url}</source>
        <comment>diag.port_closed</comment>
        <translation>Kan inte öppna {url}</translation>
    </message>
    <message>
        <source>The port opens</source>
        <comment>diag.port_opens</comment>
        <translation>Porten går att öppna</translation>
    </message>
    <message>
        <source>The printer is offline</source>
        <comment>diag.printer_offline</comment>
        <translation>Skrivaren är frånkopplad</translation>
    </message>
    <message>
        <source>Ready ({profile}, {columns} columns on {width} mm, {code_page})</source>
        <comment>diag.printer_ready</comment>
        <translation>Klar ({profile}, {columns} tecken per rad på {width} mm, {code_page})</translation>
    </message>
    <message>
        <source>The printer&apos;s settings do not work: {error}</source>
        <comment>diag.printer_settings</comment>
        <translation>Skrivarens inställningar fungerar inte: {error}</translation>
    </message>
    <message>
        <source>The printer does not answer</source>
        <comment>diag.printer_silent</comment>
        <translation>Skrivaren svarar inte</translation>
    </message>
    <message>
        <source>Connected ({profile}, {columns} columns on {width} mm, {code_page}); its status cannot be read</source>
        <comment>diag.status_unreadable</comment>
        <translation>Ansluten ({profile}, {columns} tecken per rad på {width} mm, {code_page}); dess status går inte att läsa</translation>
    </message>
    <message>
        <source>The terminal answers</source>
        <comment>diag.terminal_answers</comment>
        <translation>Terminalen svarar</translation>
    </message>
    <message>
        <source>The terminal cannot be reached</source>
        <comment>diag.terminal_fails</comment>
        <translation>Terminalen går inte att nå</translation>
    </message>
    <message>
        <source>The terminal cannot be reached: {error}</source>
        <comment>diag.terminal_fails_because</comment>
        <translation>Terminalen går inte att nå: {error}</translation>
    </message>
    <message>
        <source>The terminal does not answer</source>
        <comment>diag.terminal_silent</comment>
        <translation>Terminalen svarar inte</translation>
    </message>
    <message>
        <source>Simulated terminal (no real payments)</source>
        <comment>diag.terminal_simulated</comment>
        <translation>Simulerad terminal (inga riktiga betalningar)</translation>
    </message>
    <message>
        <source>Keyboard wedge: test by scanning in the till</source>
        <comment>diag.wedge</comment>
        <translation>Tangentbordsläsare: testa genom att skanna i kassan</translation>
    </message>
    <message>
        <source>&apos;{code}&apos; is not a barcode number (digits only)</source>
        <comment>gtin.not_digits</comment>
        <translation>&apos;{code}&apos; är inget streckkodsnummer (bara siffror)</translation>
    </message>
    <message>
        <source>{symbology} {code} has a wrong check digit ({digit}, should be {expected}): scan again or type it</source>
        <comment>gtin.wrong_check_digit</comment>
        <translation>{symbology} {code} har fel kontrollsiffra ({digit}, ska vara {expected}): skanna igen eller skriv in den</translation>
    </message>
    <message>
        <source>{code} has a wrong check digit: {digit} is right neither for an EAN-8 (should be {ean8}) nor for a UPC-E (should be {upce}): scan again or type it</source>
        <comment>gtin.wrong_check_digit_8</comment>
        <translation>{code} har fel kontrollsiffra: {digit} stämmer varken för EAN-8 (ska vara {ean8}) eller för UPC-E (ska vara {upce}): skanna igen eller skriv in den</translation>
    </message>
    <message>
        <source>&apos;{code}&apos; has {digits} digits; a GTIN has 8, 12, 13 or 14</source>
        <comment>gtin.wrong_length</comment>
        <translation>&apos;{code}&apos; har {digits} siffror; en GTIN har 8, 12, 13 eller 14</translation>
    </message>
    <message>
        <source>No invoice {number} at this till</source>
        <comment>invoice_mail.no_such_invoice</comment>
        <translation>Faktura {number} finns inte i den här kassan</translation>
    </message>
    <message>
        <source>This till does not e-mail invoices (no mail server in [mail])</source>
        <comment>invoice_mail.not_offered</comment>
        <translation>Den här kassan e-postar inte fakturor (ingen e-postserver i [mail])</translation>
    </message>
    <message>
        <source>its content was changed after it was written</source>
        <comment>journal.changed</comment>
        <translation>dess innehåll har ändrats efter att den skrevs</translation>
    </message>
    <message>
        <source>receipt {receipt_no}&apos;s control code is not the control unit&apos;s</source>
        <comment>journal.control_code</comment>
        <translation>kvitto {receipt_no} har inte kontrollenhetens kontrollkod</translation>
    </message>
    <message>
        <source>the control unit registered receipt {registered}, the register&apos;s records end at {last} (rows deleted, a database restored, or a sale whose completion failed and was not finished)</source>
        <comment>journal.control_unit_ahead</comment>
        <translation>kontrollenheten registrerade kvitto {registered}, kassans poster slutar vid {last} (rader raderade, en databas återställd eller ett köp vars avslut misslyckades och inte slutfördes)</translation>
    </message>
    <message>
        <source>entries {first}..{last} were deleted</source>
        <comment>journal.deleted</comment>
        <translation>poster {first}..{last} har raderats</translation>
    </message>
    <message>
        <source>entry {seq} is missing (found {found} next)</source>
        <comment>journal.entry_missing</comment>
        <translation>post {seq} saknas (nästa som finns är {found})</translation>
    </message>
    <message>
        <source>the journal&apos;s sale {receipt_no} is not among the sales</source>
        <comment>journal.entry_without_sale</comment>
        <translation>journalens köp {receipt_no} finns inte bland köpen</translation>
    </message>
    <message>
        <source>the journal does not end where its head says</source>
        <comment>journal.head_mismatch</comment>
        <translation>journalen slutar inte där dess huvud säger</translation>
    </message>
    <message>
        <source>the register&apos;s next receipt is {next}, its sales end at {last}</source>
        <comment>journal.next_receipt</comment>
        <translation>kassans nästa kvitto är {next}, dess köp slutar vid {last}</translation>
    </message>
    <message>
        <source>does not link to the entry before it</source>
        <comment>journal.not_linked</comment>
        <translation>länkar inte till posten före</translation>
    </message>
    <message>
        <source>receipt numbers are broken: {missing} missing</source>
        <comment>journal.receipts_missing</comment>
        <translation>kvittonumren är brutna: {missing} saknas</translation>
    </message>
    <message>
        <source>sale {receipt_no} differs from its journal entry</source>
        <comment>journal.sale_differs</comment>
        <translation>köp {receipt_no} skiljer sig från sin journalpost</translation>
    </message>
    <message>
        <source>sale {receipt_no} ({sale_id}) has no journal entry</source>
        <comment>journal.sale_unjournaled</comment>
        <translation>köp {receipt_no} ({sale_id}) saknar journalpost</translation>
    </message>
    <message>
        <source>the period holds nothing the tax authority&apos;s format records (no receipts, reports, drawer openings or log-ins)</source>
        <comment>journal.skv_nothing</comment>
        <translation>perioden innehåller inget som Skatteverkets format tar med (inga kvitton, rapporter, lådöppningar eller inloggningar)</translation>
    </message>
    <message>
        <source>Enter an amount</source>
        <comment>money.empty</comment>
        <translation>Skriv ett belopp</translation>
    </message>
    <message>
        <source>{value} is not an amount</source>
        <comment>money.not_a_value</comment>
        <translation>{value} är inget belopp</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not an amount</source>
        <comment>money.not_an_amount</comment>
        <translation>&apos;{text}&apos; är inget belopp</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is too large: at most {maximum} kr</source>
        <comment>money.too_large</comment>
        <translation>&apos;{text}&apos; är för stort: högst {maximum} kr</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; has more than two decimals</source>
        <comment>money.too_many_decimals</comment>
        <translation>&apos;{text}&apos; har fler än två decimaler</translation>
    </message>
    <message>
        <source>No way to tell customers is set up here (e-mail or a record)</source>
        <comment>orders.no_notifier</comment>
        <translation>Här finns inget sätt att meddela kunder (e-post eller logg)</translation>
    </message>
    <message>
        <source>Web order #{number} has not arrived here yet: there is nothing to tell the customer</source>
        <comment>orders.not_arrived</comment>
        <translation>Webborder #{number} har inte kommit hit än: det finns inget att meddela kunden</translation>
    </message>
    <message>
        <source>That parked sale is gone (resumed on another till?)</source>
        <comment>parking.gone</comment>
        <translation>Det parkerade köpet finns inte längre (återupptaget i en annan kassa?)</translation>
    </message>
    <message>
        <source>Nothing to park</source>
        <comment>parking.nothing_to_park</comment>
        <translation>Inget att parkera</translation>
    </message>
    <message>
        <source>Payment has started: finish or cancel it first</source>
        <comment>parking.payment_started</comment>
        <translation>Betalningen har börjat: slutför eller avbryt den först</translation>
    </message>
    <message>
        <source>Finish or park the sale in progress first</source>
        <comment>parking.sale_in_progress</comment>
        <translation>Slutför eller parkera pågående köp först</translation>
    </message>
    <message>
        <source>The sale is already paid</source>
        <comment>payment.already_paid</comment>
        <translation>Köpet är redan betalt</translation>
    </message>
    <message>
        <source>A {method} payment must be above 0</source>
        <comment>payment.amount_positive</comment>
        <translation>En betalning med {method} måste vara över 0</translation>
    </message>
    <message>
        <source>{method} can pay at most {amount} kr (what is left)</source>
        <comment>payment.at_most</comment>
        <translation>{method} kan betala högst {amount} kr (det som är kvar)</translation>
    </message>
    <message>
        <source>A card payment must be above 0</source>
        <comment>payment.card_amount_positive</comment>
        <translation>En kortbetalning måste vara större än 0</translation>
    </message>
    <message>
        <source>A card can pay at most {amount} kr (what is left)</source>
        <comment>payment.card_at_most</comment>
        <translation>Ett kort kan betala högst {amount} kr (det som är kvar)</translation>
    </message>
    <message>
        <source>Cancelled{detail}</source>
        <comment>payment.card_cancelled</comment>
        <translation>Avbrutet{detail}</translation>
    </message>
    <message>
        <source>Card declined{detail}</source>
        <comment>payment.card_declined</comment>
        <translation>Kortet nekades{detail}</translation>
    </message>
    <message>
        <source>The card payment was not given back ({outcome}{detail}); it still counts for this sale</source>
        <comment>payment.card_refund_refused</comment>
        <translation>Kortbetalningen gick inte att återbetala ({outcome}{detail}); den räknas fortfarande för köpet</translation>
    </message>
    <message>
        <source>An approved card payment of {amount} öre has no open sale: refund it (ref {ref})</source>
        <comment>payment.card_without_sale</comment>
        <translation>En godkänd kortbetalning på {amount} öre har inget öppet köp: återbetala den (ref {ref})</translation>
    </message>
    <message>
        <source>Enter the cash received (more than 0)</source>
        <comment>payment.cash_received_positive</comment>
        <translation>Ange mottaget kontantbelopp (mer än 0)</translation>
    </message>
    <message>
        <source>: {text}</source>
        <comment>payment.detail</comment>
        <translation>: {text}</translation>
    </message>
    <message>
        <source>A payment has started: finish it (or take its payments back) before logging out</source>
        <comment>payment.finish_before_logout</comment>
        <translation>En betalning har börjat: slutför den (eller ta tillbaka dess betalningar) innan du loggar ut</translation>
    </message>
    <message>
        <source>The payment method {method} is not valid: {detail}</source>
        <comment>payment.method_invalid</comment>
        <translation>Betalsättet {method} är felaktigt: {detail}</translation>
    </message>
    <message>
        <source>The payment method {method} needs a provider</source>
        <comment>payment.method_needs_provider</comment>
        <translation>Betalsättet {method} behöver en betalleverantör</translation>
    </message>
    <message>
        <source>The payment method {method} is configured twice</source>
        <comment>payment.method_twice</comment>
        <translation>Betalsättet {method} är inställt två gånger</translation>
    </message>
    <message>
        <source>{method} cannot take the payment now{detail}</source>
        <comment>payment.mobile_busy</comment>
        <translation>{method} kan inte ta emot betalningen nu{detail}</translation>
    </message>
    <message>
        <source>{method} did not pay{detail}</source>
        <comment>payment.mobile_declined</comment>
        <translation>{method} betalade inte{detail}</translation>
    </message>
    <message>
        <source>{method} never received the payment{detail}</source>
        <comment>payment.mobile_never_received</comment>
        <translation>{method} tog aldrig emot betalningen{detail}</translation>
    </message>
    <message>
        <source>No payment method counts as cash</source>
        <comment>payment.no_cash_method</comment>
        <translation>Inget betalsätt räknas som kontanter</translation>
    </message>
    <message>
        <source>Nothing here takes {method} payments</source>
        <comment>payment.no_provider</comment>
        <translation>Här finns inget som tar emot {method}</translation>
    </message>
    <message>
        <source>There is no such card payment on this sale</source>
        <comment>payment.no_such_card_tender</comment>
        <translation>Det finns ingen sådan kortbetalning på köpet</translation>
    </message>
    <message>
        <source>There is no such payment on this sale</source>
        <comment>payment.no_such_tender</comment>
        <translation>Det finns ingen sådan betalning på köpet</translation>
    </message>
    <message>
        <source>{method} is not taken through a payment provider</source>
        <comment>payment.not_a_provider_tender</comment>
        <translation>{method} tas inte emot via en betalleverantör</translation>
    </message>
    <message>
        <source>{method} does not count as cash</source>
        <comment>payment.not_cash</comment>
        <translation>{method} räknas inte som kontanter</translation>
    </message>
    <message>
        <source>The sale is not paid in full yet</source>
        <comment>payment.not_paid_in_full</comment>
        <translation>Köpet är inte fullt betalt än</translation>
    </message>
    <message>
        <source>Nothing is owed back on this sale</source>
        <comment>payment.nothing_to_refund</comment>
        <translation>Inget ska betalas tillbaka på det här köpet</translation>
    </message>
    <message>
        <source>At most {amount} kr is owed back</source>
        <comment>payment.refund_at_most</comment>
        <translation>Högst {amount} kr ska betalas tillbaka</translation>
    </message>
    <message>
        <source>This sale gives back {amount} kr: refund it (nothing is taken)</source>
        <comment>payment.refund_due</comment>
        <translation>Köpet ger tillbaka {amount} kr: återbetala (inget ska tas betalt)</translation>
    </message>
    <message>
        <source>A refund gives money back: its amount is below 0</source>
        <comment>payment.refund_negative</comment>
        <translation>En återbetalning ger pengar tillbaka: beloppet är under 0</translation>
    </message>
    <message>
        <source>The sale is empty</source>
        <comment>payment.sale_empty</comment>
        <translation>Köpet är tomt</translation>
    </message>
    <message>
        <source>The terminal is busy{detail}</source>
        <comment>payment.terminal_busy</comment>
        <translation>Terminalen är upptagen{detail}</translation>
    </message>
    <message>
        <source>The terminal never received the payment{detail}</source>
        <comment>payment.terminal_never_received</comment>
        <translation>Terminalen tog aldrig emot betalningen{detail}</translation>
    </message>
    <message>
        <source>The terminal did not answer. Nothing is lost: ask it again with &apos;Check card payment&apos; before taking another payment</source>
        <comment>payment.terminal_no_answer</comment>
        <translation>Terminalen svarade inte. Inget är förlorat: fråga den igen med &apos;Kontrollera kortbetalning&apos; innan du tar en ny betalning</translation>
    </message>
    <message>
        <source>There is no payment method {method}</source>
        <comment>payment.unknown_method</comment>
        <translation>Det finns inget betalsätt {method}</translation>
    </message>
    <message>
        <source>{text} starts with a country code no country has</source>
        <comment>phone.bad_country</comment>
        <translation>{text} börjar med en landskod som inget land har</translation>
    </message>
    <message>
        <source>No phone number was given</source>
        <comment>phone.empty</comment>
        <translation>Inget telefonnummer angavs</translation>
    </message>
    <message>
        <source>{text} is no phone number in use in {country} (check the digits)</source>
        <comment>phone.invalid</comment>
        <translation>{text} är inget telefonnummer som används i {country} (kontrollera siffrorna)</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a phone number: only digits, spaces, - ( ) and a leading + belong in one</source>
        <comment>phone.not_a_number</comment>
        <translation>&quot;{text}&quot; är inget telefonnummer: bara siffror, mellanslag, - ( ) och ett inledande + hör hemma i ett</translation>
    </message>
    <message>
        <source>{text} is too long for a phone number</source>
        <comment>phone.too_long</comment>
        <translation>{text} är för långt för ett telefonnummer</translation>
    </message>
    <message>
        <source>{text} is too short for a phone number (a Swedish mobile number has 10 digits: 070-123 45 67)</source>
        <comment>phone.too_short</comment>
        <translation>{text} är för kort för ett telefonnummer (ett svenskt mobilnummer har 10 siffror: 070-123 45 67)</translation>
    </message>
    <message>
        <source>Web order #{number} is already in this sale</source>
        <comment>pickup.already_in_sale</comment>
        <translation>Webborder #{number} finns redan i det här köpet</translation>
    </message>
    <message>
        <source>Web order #{number} is paid already: hand it over without a sale</source>
        <comment>pickup.already_paid</comment>
        <translation>Webborder #{number} är redan betald: lämna ut den utan köp</translation>
    </message>
    <message>
        <source>Web order #{number} is cancelled</source>
        <comment>pickup.canceled</comment>
        <translation>Webborder #{number} är avbruten</translation>
    </message>
    <message>
        <source>Web order #{number} has already been collected</source>
        <comment>pickup.collected</comment>
        <translation>Webborder #{number} är redan hämtad</translation>
    </message>
    <message>
        <source>Web order #{number} was already handed over at this till</source>
        <comment>pickup.handed_over_here</comment>
        <translation>Webborder #{number} är redan utlämnad i den här kassan</translation>
    </message>
    <message>
        <source>This line belongs to web order #{number}: its price and quantity are the order&apos;s (remove the line to take the whole order out of the sale)</source>
        <comment>pickup.line_fixed</comment>
        <translation>Raden hör till webborder #{number}: pris och antal är orderns (ta bort raden för att ta hela ordern ur köpet)</translation>
    </message>
    <message>
        <source>Web orders cannot be looked up: this till has no central store</source>
        <comment>pickup.no_central_store</comment>
        <translation>Webbordrar kan inte hämtas: kassan har ingen central butik</translation>
    </message>
    <message>
        <source>No web order {code} for pickup here</source>
        <comment>pickup.not_found</comment>
        <translation>Ingen webborder {code} att hämta här</translation>
    </message>
    <message>
        <source>Web order #{number} is not paid: take its payment at the till first</source>
        <comment>pickup.not_paid</comment>
        <translation>Webborder #{number} är inte betald: ta betalt i kassan först</translation>
    </message>
    <message>
        <source>Web order #{number} is to be collected at {location}, not here</source>
        <comment>pickup.not_this_store</comment>
        <translation>Webborder #{number} ska hämtas i {location}, inte här</translation>
    </message>
    <message>
        <source>Web order #{number}&apos;s lines add up to {lines} öre but the order is for {total} öre: it cannot be paid here</source>
        <comment>pickup.total_mismatch</comment>
        <translation>Webborder #{number}s rader blir {lines} öre men ordern är på {total} öre: den kan inte betalas här</translation>
    </message>
    <message>
        <source>The receipt could not be prepared for printing: {detail}</source>
        <comment>printer.cannot_prepare</comment>
        <translation>Kvittot kunde inte förberedas för utskrift: {detail}</translation>
    </message>
    <message>
        <source>The receipt printer ({name}) has its cover open. Close the cover; then print again.</source>
        <comment>printer.cover_open</comment>
        <translation>Kvittoskrivaren ({name}) har luckan öppen. Stäng luckan och skriv sedan ut igen.</translation>
    </message>
    <message>
        <source>The receipt printer ({name}) does not answer: {what}. Check that it is switched on and connected; the sale is saved and the receipt can be printed again. [{error}]</source>
        <comment>printer.no_answer</comment>
        <translation>Kvittoskrivaren ({name}) svarar inte: {what}. Kontrollera att den är påslagen och ansluten; köpet är sparat och kvittot kan skrivas ut igen. [{error}]</translation>
    </message>
    <message>
        <source>The receipt printer ({name}) is offline{detail}. Check the printer&apos;s lights, paper and cover; then print again.</source>
        <comment>printer.offline</comment>
        <translation>Kvittoskrivaren ({name}) är inte ansluten{detail}. Kontrollera skrivarens lampor, papper och lucka och skriv sedan ut igen.</translation>
    </message>
    <message>
        <source>The receipt printer ({name}) is out of paper. Put in a new roll and close the cover; then print again.</source>
        <comment>printer.paper_out</comment>
        <translation>Kvittoskrivaren ({name}) har slut på papper. Sätt i en ny rulle och stäng luckan; skriv sedan ut igen.</translation>
    </message>
    <message>
        <source>A paper width of {width} mm is not a receipt roll: set devices.paper_width_mm to the roll&apos;s width, e.g. 58 or 80</source>
        <comment>printer.paper_width</comment>
        <translation>En pappersbredd på {width} mm är ingen kvittorulle: ställ in devices.paper_width_mm på rullens bredd, t.ex. 58 eller 80</translation>
    </message>
    <message>
        <source>A receipt cannot be printed with the printer profile {profile} on {width} mm paper: {detail}</source>
        <comment>printer.profile_cannot_print</comment>
        <translation>Ett kvitto kan inte skrivas ut med skrivarprofilen {profile} på {width} mm papper: {detail}</translation>
    </message>
    <message>
        <source>The printer profile {profile} has no code page with the Swedish letters å, ä and ö; choose another profile</source>
        <comment>printer.profile_no_code_page</comment>
        <translation>Skrivarprofilen {profile} har ingen teckentabell med de svenska bokstäverna å, ä och ö; välj en annan profil</translation>
    </message>
    <message>
        <source>The printer profile {profile} ({model}) is a customer display, not a receipt printer; set devices.printer_profile to the receipt printer&apos;s model</source>
        <comment>printer.profile_not_a_printer</comment>
        <translation>Skrivarprofilen {profile} ({model}) är en kunddisplay, inte en kvittoskrivare; ställ in devices.printer_profile på kvittoskrivarens modell</translation>
    </message>
    <message>
        <source>The printer profile {profile} is not one python-escpos knows; set devices.printer_profile to one of: {known}</source>
        <comment>printer.unknown_profile</comment>
        <translation>Skrivarprofilen {profile} är ingen som python-escpos känner till; ställ in devices.printer_profile på en av: {known}</translation>
    </message>
    <message>
        <source>Printer URL {url} has a bad port</source>
        <comment>printer.url_bad_port</comment>
        <translation>Skrivaradressen {url} har en felaktig port</translation>
    </message>
    <message>
        <source>Printer URL {url} has no host: use network://HOST:9100</source>
        <comment>printer.url_no_host</comment>
        <translation>Skrivaradressen {url} saknar värd: använd network://VÄRD:9100</translation>
    </message>
    <message>
        <source>Printer URL {url} has no path: use file:///PATH</source>
        <comment>printer.url_no_path</comment>
        <translation>Skrivaradressen {url} saknar sökväg: använd file:///SÖKVÄG</translation>
    </message>
    <message>
        <source>Printer URL {url} has no port: use serial:///dev/ttyS0?baud=19200</source>
        <comment>printer.url_no_port</comment>
        <translation>Skrivaradressen {url} saknar port: använd serial:///dev/ttyS0?baud=19200</translation>
    </message>
    <message>
        <source>Printer URL {url}: {key} must be a number</source>
        <comment>printer.url_not_number</comment>
        <translation>Skrivaradressen {url}: {key} måste vara ett tal</translation>
    </message>
    <message>
        <source>Unknown printer URL {url}: use preview, dummy, network://HOST:9100, serial:///dev/ttyS0?baud=19200, usb://VID:PID or file:///PATH</source>
        <comment>printer.url_unknown</comment>
        <translation>Okänd skrivaradress {url}: använd preview, dummy, network://VÄRD:9100, serial:///dev/ttyS0?baud=19200, usb://VID:PID eller file:///SÖKVÄG</translation>
    </message>
    <message>
        <source>Printer URL {url}: use usb://VID:PID in hex, e.g. usb://04b8:0e15</source>
        <comment>printer.url_usb_ids</comment>
        <translation>Skrivaradressen {url}: använd usb://VID:PID i hex, t.ex. usb://04b8:0e15</translation>
    </message>
    <message>
        <source>USB printing needs pyusb and libusb: install with `pip install &apos;python-escpos[usb]&apos;` (and `apt install libusb-1.0-0`), or use a network or serial printer.</source>
        <comment>printer.usb_missing</comment>
        <translation>USB-utskrift kräver pyusb och libusb: installera med `pip install &apos;python-escpos[usb]&apos;` (och `apt install libusb-1.0-0`), eller använd en nätverks- eller seriell skrivare.</translation>
    </message>
    <message>
        <source>{code} applies by itself: the customer needs no code for it</source>
        <comment>promotion.automatic</comment>
        <translation>{code} gäller av sig själv: kunden behöver ingen kod för den</translation>
    </message>
    <message>
        <source>The code {code} has used up its campaign&apos;s budget</source>
        <comment>promotion.budget_used_up</comment>
        <translation>Koden {code} har förbrukat kampanjens budget</translation>
    </message>
    <message>
        <source>There is no promotion code {code}</source>
        <comment>promotion.no_such_code</comment>
        <translation>Det finns ingen kampanjkod {code}</translation>
    </message>
    <message>
        <source>The code {code} cannot be used at the till</source>
        <comment>promotion.not_at_till</comment>
        <translation>Koden {code} kan inte användas i kassan</translation>
    </message>
    <message>
        <source>The code {code} is not valid now</source>
        <comment>promotion.not_valid_now</comment>
        <translation>Koden {code} gäller inte nu</translation>
    </message>
    <message>
        <source>The code {code} is for shipping only</source>
        <comment>promotion.shipping_only</comment>
        <translation>Koden {code} gäller bara frakt</translation>
    </message>
    <message>
        <source>Type a promotion code</source>
        <comment>promotion.type_a_code</comment>
        <translation>Skriv en kampanjkod</translation>
    </message>
    <message>
        <source>Receipt {receipt} already has its copy: a receipt gets one copy (KOPIA)</source>
        <comment>receipts.copy_already_printed</comment>
        <translation>Kvitto {receipt} har redan fått sin kopia: ett kvitto får en kopia (KOPIA)</translation>
    </message>
    <message>
        <source>Not printed: {reason}</source>
        <comment>receipts.document_not_printed</comment>
        <translation>Inte utskrivet: {reason}</translation>
    </message>
    <message>
        <source>No such sale</source>
        <comment>receipts.no_such_sale</comment>
        <translation>Köpet finns inte</translation>
    </message>
    <message>
        <source>Receipt {receipt} not printed: {reason}. The sale is saved; reprint it when the printer is back</source>
        <comment>receipts.not_printed</comment>
        <translation>Kvitto {receipt} skrevs inte ut: {reason}. Köpet är sparat; skriv ut kvittot igen när skrivaren fungerar</translation>
    </message>
    <message>
        <source>The report could not be written to {path}: {reason}</source>
        <comment>report.not_written</comment>
        <translation>Rapporten kunde inte skrivas till {path}: {reason}</translation>
    </message>
    <message>
        <source>The store&apos;s policy refunds to the original payment</source>
        <comment>return.cash_only_by_policy</comment>
        <translation>Butikens regler återbetalar till det ursprungliga betalsättet</translation>
    </message>
    <message>
        <source>The central store refused the return of {code}: {reason}</source>
        <comment>return.central_refused</comment>
        <translation>Centralsystemet avvisade returen av {code}: {reason}</translation>
    </message>
    <message>
        <source>A return without a receipt needs a manager&apos;s approval</source>
        <comment>return.needs_receipt_approval</comment>
        <translation>En retur utan kvitto måste godkännas av en chef</translation>
    </message>
    <message>
        <source>No central store is configured here: the web order {code} cannot be looked up</source>
        <comment>return.no_central_store</comment>
        <translation>Inget centralsystem är inställt här: webbordern {code} kan inte slås upp</translation>
    </message>
    <message>
        <source>The purchase has no line {line}</source>
        <comment>return.no_such_line</comment>
        <translation>Köpet har ingen rad {line}</translation>
    </message>
    <message>
        <source>Nothing here can refund {method}: give it back in cash</source>
        <comment>return.no_terminal_refund</comment>
        <translation>Inget här kan återbetala {method}: betala tillbaka kontant</translation>
    </message>
    <message>
        <source>This sale gives nothing back</source>
        <comment>return.not_a_return</comment>
        <translation>Det här köpet ger inget tillbaka</translation>
    </message>
    <message>
        <source>No purchase found for {code}</source>
        <comment>return.not_found</comment>
        <translation>Inget köp hittades för {code}</translation>
    </message>
    <message>
        <source>{code} was not sold here, and the central store that knows it cannot be reached: it cannot be returned now</source>
        <comment>return.other_store_offline</comment>
        <translation>{code} såldes inte här, och centralsystemet som känner till köpet går inte att nå: det kan inte returneras nu</translation>
    </message>
    <message>
        <source>Return at least one unit</source>
        <comment>return.quantity_positive</comment>
        <translation>Returnera minst en enhet</translation>
    </message>
    <message>
        <source>The refund of {amount} kr to {method} was not made ({outcome}{detail}): try again, or give it back in cash</source>
        <comment>return.refund_refused</comment>
        <translation>Återbetalningen på {amount} kr till {method} gjordes inte ({outcome}{detail}): försök igen, eller betala tillbaka kontant</translation>
    </message>
    <message>
        <source>{name} of {code} was returned meanwhile at another register: at most {max} can still come back. Remove the line and find the purchase again</source>
        <comment>return.returned_meanwhile</comment>
        <translation>{name} från {code} har under tiden returnerats i en annan kassa: högst {max} kan fortfarande lämnas tillbaka. Ta bort raden och hämta köpet igen</translation>
    </message>
    <message>
        <source>{name}: at most {max} can be returned (bought {bought}, returned {returned})</source>
        <comment>return.too_many</comment>
        <translation>{name}: högst {max} kan returneras (köpt {bought}, returnerat {returned})</translation>
    </message>
    <message>
        <source>{name}: at most {max} more can be returned (bought {bought}, returned before {returned}, {in_sale} already on this sale)</source>
        <comment>return.too_many_with_sale</comment>
        <translation>{name}: högst {max} till kan returneras (köpt {bought}, returnerat tidigare {returned}, {in_sale} redan på det här köpet)</translation>
    </message>
    <message>
        <source>There is no return reason {reason}</source>
        <comment>return.unknown_reason</comment>
        <translation>Det finns ingen returorsak {reason}</translation>
    </message>
    <message>
        <source>A web order cannot be returned while the central store cannot be reached: its order is the only record of what was returned</source>
        <comment>return.web_order_offline</comment>
        <translation>En webborder kan inte returneras medan centralsystemet inte går att nå: dess order är det enda som visar vad som redan returnerats</translation>
    </message>
    <message>
        <source>A card has already paid part of this sale: refund it first</source>
        <comment>sale.card_paid_refund_first</comment>
        <translation>Ett kort har redan betalat en del av köpet: återbetala det först</translation>
    </message>
    <message>
        <source>The control unit&apos;s newest receipt for register {register} is number {unit}, the register&apos;s own records end at {records}: they were changed. Sales stop here: call support</source>
        <comment>sale.control_unit_mismatch</comment>
        <translation>Kontrollenhetens senaste kvitto för kassa {register} är nummer {unit}, kassans egna uppgifter slutar på {records}: de har ändrats. Försäljningen stoppas här: ring supporten</translation>
    </message>
    <message>
        <source>The sale could not be completed: {detail}. It is paid and saved: complete it again, or take a payment back</source>
        <comment>sale.not_completed</comment>
        <translation>Köpet kunde inte slutföras: {detail}. Det är betalt och sparat: slutför det igen, eller ta tillbaka en betalning</translation>
    </message>
    <message>
        <source>There is no sale to void</source>
        <comment>sale.nothing_to_void</comment>
        <translation>Det finns inget köp att makulera</translation>
    </message>
    <message>
        <source>Payment has started: finish or cancel it before changing the sale</source>
        <comment>sale.payment_started</comment>
        <translation>Betalningen har börjat: slutför eller avbryt den innan du ändrar köpet</translation>
    </message>
    <message>
        <source>No article with code {code}: {chars} cannot be in an article code (letters, digits and . _ / - can)</source>
        <comment>scan.bad_characters</comment>
        <translation>Ingen vara med koden {code}: {chars} kan inte ingå i en varukod (bokstäver, siffror och . _ / - kan det)</translation>
    </message>
    <message>
        <source>No article with code {code}: an article code starts with a letter or a digit, not &apos;{char}&apos;</source>
        <comment>scan.bad_start</comment>
        <translation>Ingen vara med koden {code}: en varukod börjar med en bokstav eller en siffra, inte &apos;{char}&apos;</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is a broken web address</source>
        <comment>scan.broken_url</comment>
        <translation>&apos;{text}&apos; är en trasig webbadress</translation>
    </message>
    <message>
        <source>No article: the scan was empty (nothing was read): scan again</source>
        <comment>scan.empty</comment>
        <translation>Ingen vara: skanningen var tom (inget lästes): skanna igen</translation>
    </message>
    <message>
        <source>Web cart {value} scanned: this till is not connected to the central store, so web carts cannot be loaded here.</source>
        <comment>scan.not_for_sale.web_cart</comment>
        <translation>Webbvarukorg {value} skannad: kassan är inte ansluten till centralsystemet, så webbvarukorgar kan inte hämtas här.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is no OCR reference: after OCR: come 2 to 25 digits</source>
        <comment>scan.ocr_not_digits</comment>
        <translation>&apos;{text}&apos; är inget OCR-nummer: efter OCR: ska det stå 2 till 25 siffror</translation>
    </message>
    <message>
        <source>The quantity {quantity} before &apos;*&apos; is too large: at most 9999 (with at most three decimals)</source>
        <comment>scan.quantity_too_large</comment>
        <translation>Antalet {quantity} före &apos;*&apos; är för stort: högst 9999 (med högst tre decimaler)</translation>
    </message>
    <message>
        <source>No article with code {code}: {count} characters are more than any code has (an article number has at most 40)</source>
        <comment>scan.too_long</comment>
        <translation>Ingen vara med koden {code}: {count} tecken är fler än någon kod har (ett artikelnummer har högst 40)</translation>
    </message>
    <message>
        <source>No article with code {code}: no article has it as its article number, and it is no promotion code</source>
        <comment>scan.unknown_article_number</comment>
        <translation>Ingen vara med koden {code}: ingen vara har det som artikelnummer, och det är ingen kampanjkod</translation>
    </message>
    <message>
        <source>No article with code {code}: no article has it as its article number or short number, and a barcode has 8, 12, 13 or 14 digits, not {count}</source>
        <comment>scan.unknown_short_number</comment>
        <translation>Ingen vara med koden {code}: ingen vara har det som artikelnummer eller kortnummer, och en streckkod har 8, 12, 13 eller 14 siffror, inte {count}</translation>
    </message>
    <message>
        <source>A discount limit is a percentage from 0 to 100 (at most two decimals), or empty for the store&apos;s default</source>
        <comment>staff.discount_limit_range</comment>
        <translation>En rabattgräns är en procentsats från 0 till 100 (högst två decimaler), eller tom för butikens gräns</translation>
    </message>
    <message>
        <source>The file has no count lines</source>
        <comment>stock_count.csv_empty</comment>
        <translation>Filen har inga inventeringsrader</translation>
    </message>
    <message>
        <source>The file has {count} error(s); nothing was posted: {errors}</source>
        <comment>stock_count.csv_errors</comment>
        <translation>Filen har {count} fel; inget bokfördes: {errors}</translation>
    </message>
    <message>
        <source>line {line}: &apos;{value}&apos; is not a whole number: the central store (Medusa) keeps whole units, so a weighed article is counted in whole units (kg rounded to a whole number)</source>
        <comment>stock_count.csv_fraction</comment>
        <translation>rad {line}: &apos;{value}&apos; är inte ett heltal: centralsystemet (Medusa) för lager i hela enheter, så en vägd vara räknas i hela enheter (kg avrundat till ett heltal)</translation>
    </message>
    <message>
        <source>The file&apos;s first line must name the columns ean_or_sku;counted (found: {found})</source>
        <comment>stock_count.csv_header</comment>
        <translation>Filens första rad ska namnge kolumnerna ean_or_sku;counted (hittade: {found})</translation>
    </message>
    <message>
        <source>line {line}: a counted quantity cannot be negative ({value})</source>
        <comment>stock_count.csv_negative</comment>
        <translation>rad {line}: ett räknat antal kan inte vara negativt ({value})</translation>
    </message>
    <message>
        <source>line {line}: &apos;{value}&apos; is not a whole number of units</source>
        <comment>stock_count.csv_number</comment>
        <translation>rad {line}: &apos;{value}&apos; är inte ett helt antal</translation>
    </message>
    <message>
        <source>line {line}: {value} units is more than a count accepts (0 to {max})</source>
        <comment>stock_count.csv_too_many</comment>
        <translation>rad {line}: {value} st är mer än en inventering tar emot (0 till {max})</translation>
    </message>
    <message>
        <source>line {line}: {code} was already counted on line {first}</source>
        <comment>stock_count.csv_twice</comment>
        <translation>rad {line}: {code} räknades redan på rad {first}</translation>
    </message>
    <message>
        <source>line {line}: no article has the code {code}</source>
        <comment>stock_count.csv_unknown</comment>
        <translation>rad {line}: ingen artikel har koden {code}</translation>
    </message>
    <message>
        <source>{lines} line(s) differ by more than {threshold} units or {value} kr: confirm to post them</source>
        <comment>stock_count.needs_confirmation</comment>
        <translation>{lines} rad(er) skiljer mer än {threshold} st eller {value} kr: bekräfta för att bokföra dem</translation>
    </message>
    <message>
        <source>A counted quantity cannot be negative ({counted})</source>
        <comment>stock_count.negative</comment>
        <translation>Ett räknat antal kan inte vara negativt ({counted})</translation>
    </message>
    <message>
        <source>No stock count is open here: there is nothing to cancel</source>
        <comment>stock_count.none_open</comment>
        <translation>Ingen inventering är öppen här: det finns inget att avbryta</translation>
    </message>
    <message>
        <source>The stock count {count_id} is {status}: it can no longer be changed</source>
        <comment>stock_count.not_open</comment>
        <translation>Inventeringen {count_id} är {status}: den kan inte längre ändras</translation>
    </message>
    <message>
        <source>Nothing has been counted yet: there is nothing to post</source>
        <comment>stock_count.nothing_counted</comment>
        <translation>Inget är räknat ännu: det finns inget att bokföra</translation>
    </message>
    <message>
        <source>A stock count is already open here (started {started} by {by}): finish or cancel it first</source>
        <comment>stock_count.one_open</comment>
        <translation>En inventering pågår redan här (startad {started} av {by}): slutför eller avbryt den först</translation>
    </message>
    <message>
        <source>{counted} units is more than a count accepts (at most {max})</source>
        <comment>stock_count.too_many</comment>
        <translation>{counted} st är mer än en inventering tar emot (högst {max})</translation>
    </message>
    <message>
        <source>The articles not counted changed since they were shown ({articles} now): look at the list again before posting</source>
        <comment>stock_count.uncounted_changed</comment>
        <translation>Artiklarna som inte räknats har ändrats sedan de visades (nu {articles}): se över listan igen innan du bokför</translation>
    </message>
    <message>
        <source>This is a whole-store count: {articles} article(s) not counted ({units} units) will be set to 0: confirm to post</source>
        <comment>stock_count.uncounted_unconfirmed</comment>
        <translation>Det här är en inventering av hela butiken: {articles} artikel/artiklar som inte räknats ({units} st) sätts till 0: bekräfta för att bokföra</translation>
    </message>
    <message>
        <source>There is no stock count {count_id}</source>
        <comment>stock_count.unknown</comment>
        <translation>Det finns ingen inventering {count_id}</translation>
    </message>
    <message>
        <source>the customer cancelled in the Swish app</source>
        <comment>swish.cancelled_by_payer</comment>
        <translation>kunden avbröt i Swish-appen</translation>
    </message>
    <message>
        <source>the request&apos;s QR code was never shown, so it was cancelled; nothing was charged: try again</source>
        <comment>swish.cancelled_unseen</comment>
        <translation>begärans QR-kod visades aldrig, så den avbröts; inget drogs: försök igen</translation>
    </message>
    <message>
        <source>the customer&apos;s bank declined the payment</source>
        <comment>swish.declined</comment>
        <translation>kundens bank nekade betalningen</translation>
    </message>
    <message>
        <source>no answer from Swish: the request&apos;s status is asked</source>
        <comment>swish.no_answer</comment>
        <translation>inget svar från Swish: begärans status efterfrågas</translation>
    </message>
    <message>
        <source>the Swish payment to refund has no reference</source>
        <comment>swish.no_original</comment>
        <translation>Swish-betalningen som ska återbetalas saknar referens</translation>
    </message>
    <message>
        <source>Swish does not answer the status question; try again</source>
        <comment>swish.no_status_answer</comment>
        <translation>Swish svarar inte på statusfrågan; försök igen</translation>
    </message>
    <message>
        <source>the number {phone} does not have Swish</source>
        <comment>swish.payer_not_enrolled</comment>
        <translation>numret {phone} har inte Swish</translation>
    </message>
    <message>
        <source>{phone} is not a mobile number Swish takes</source>
        <comment>swish.phone_invalid</comment>
        <translation>{phone} är inget mobilnummer som Swish tar emot</translation>
    </message>
    <message>
        <source>more than the Swish payment has left to refund</source>
        <comment>swish.refund_too_large</comment>
        <translation>mer än det som återstår att återbetala av Swish-betalningen</translation>
    </message>
    <message>
        <source>Swish refused it ({code})</source>
        <comment>swish.refused</comment>
        <translation>Swish avvisade den ({code})</translation>
    </message>
    <message>
        <source>the customer already has an open Swish request: let them finish or cancel it first</source>
        <comment>swish.request_open</comment>
        <translation>kunden har redan en öppen Swish-begäran: låt kunden slutföra eller avbryta den först</translation>
    </message>
    <message>
        <source>the customer did not answer in time</source>
        <comment>swish.timed_out</comment>
        <translation>kunden svarade inte i tid</translation>
    </message>
    <message>
        <source>Swish does not know this payment request</source>
        <comment>swish.unknown_request</comment>
        <translation>Swish känner inte till den här betalningsbegäran</translation>
    </message>
    <message>
        <source>Swish cannot be reached ({address}); nothing was charged</source>
        <comment>swish.unreachable</comment>
        <translation>Swish kan inte nås ({address}); inget drogs</translation>
    </message>
    <message>
        <source>an answer from Swish the till cannot read</source>
        <comment>swish.unreadable_answer</comment>
        <translation>ett svar från Swish som kassan inte kan läsa</translation>
    </message>
    <message>
        <source>declined by the card issuer</source>
        <comment>terminal.declined_by_issuer</comment>
        <translation>nekad av kortutgivaren</translation>
    </message>
    <message>
        <source>the terminal answered {condition}</source>
        <comment>terminal.failure</comment>
        <translation>terminalen svarade {condition}</translation>
    </message>
    <message>
        <source>the payment is still in progress on the terminal</source>
        <comment>terminal.in_progress</comment>
        <translation>betalningen pågår fortfarande på terminalen</translation>
    </message>
    <message>
        <source>an amount or currency the terminal does not take</source>
        <comment>terminal.invalid_amount</comment>
        <translation>ett belopp eller en valuta som terminalen inte tar</translation>
    </message>
    <message>
        <source>no answer from the card terminal: check the payment&apos;s status</source>
        <comment>terminal.no_answer</comment>
        <translation>inget svar från kortterminalen: kontrollera betalningens status</translation>
    </message>
    <message>
        <source>no answer from the terminal: see the terminal&apos;s last receipt before taking the payment again</source>
        <comment>terminal.no_answer_see_receipt</comment>
        <translation>inget svar från terminalen: se terminalens senaste kvitto innan du tar betalt igen</translation>
    </message>
    <message>
        <source>no answer to the reversal: check its status</source>
        <comment>terminal.no_reversal_answer</comment>
        <translation>inget svar på återföringen: kontrollera dess status</translation>
    </message>
    <message>
        <source>the card terminal does not answer the status question; try again</source>
        <comment>terminal.no_status_answer</comment>
        <translation>kortterminalen svarar inte på statusfrågan; försök igen</translation>
    </message>
    <message>
        <source>the terminal did not take the payment; nothing was charged</source>
        <comment>terminal.not_received</comment>
        <translation>terminalen tog inte emot betalningen; inget har dragits</translation>
    </message>
    <message>
        <source>the terminal&apos;s status answer has no result</source>
        <comment>terminal.status_without_result</comment>
        <translation>terminalens statussvar saknar resultat</translation>
    </message>
    <message>
        <source>an unexpected answer from the card terminal</source>
        <comment>terminal.unexpected_answer</comment>
        <translation>ett oväntat svar från kortterminalen</translation>
    </message>
    <message>
        <source>the terminal does not know this payment</source>
        <comment>terminal.unknown_transaction</comment>
        <translation>terminalen känner inte till betalningen</translation>
    </message>
    <message>
        <source>the card terminal cannot be reached ({address}); nothing was charged</source>
        <comment>terminal.unreachable</comment>
        <translation>kortterminalen går inte att nå ({address}); inget har dragits</translation>
    </message>
    <message>
        <source>an unreadable answer from the card terminal: check the payment&apos;s status</source>
        <comment>terminal.unreadable_answer</comment>
        <translation>ett oläsligt svar från kortterminalen: kontrollera betalningens status</translation>
    </message>
    <message>
        <source>No article has the code {code}</source>
        <comment>stock.unknown_code</comment>
        <translation>Ingen artikel har koden {code}</translation>
    </message>
    <message>
        <source>Transfer {number} was already received</source>
        <comment>transfer.already_received</comment>
        <translation>Överföring {number} är redan mottagen</translation>
    </message>
    <message>
        <source>No transfer on its way here is called {code}</source>
        <comment>transfer.not_found</comment>
        <translation>Ingen överföring på väg hit heter {code}</translation>
    </message>
    <message>
        <source>{code} is not in transfer {number}</source>
        <comment>transfer.not_in_transfer</comment>
        <translation>{code} ingår inte i överföring {number}</translation>
    </message>
    <message>
        <source>{name}: {received} received, but only {sent} were sent</source>
        <comment>transfer.too_many</comment>
        <translation>{name}: {received} mottagna, men bara {sent} skickades</translation>
    </message>
    <message>
        <source>Web cart {cart} is already bought: order {order}</source>
        <comment>web_cart.already_bought</comment>
        <translation>Webbvarukorgen {cart} är redan köpt: order {order}</translation>
    </message>
    <message>
        <source>Web cart {cart} is already bought at this store: receipt {receipt} on register {register}</source>
        <comment>web_cart.already_bought_here</comment>
        <translation>Webbvarukorgen {cart} är redan köpt i den här butiken: kvitto {receipt} i kassa {register}</translation>
    </message>
    <message>
        <source>Web cart {cart} was bought meanwhile (order {order}): take no payment for it here; void the sale or remove its lines, and check with the customer</source>
        <comment>web_cart.bought_meanwhile</comment>
        <translation>Webbvarukorgen {cart} har köpts under tiden (order {order}): ta inte betalt för den här; makulera köpet eller ta bort dess rader, och tala med kunden</translation>
    </message>
    <message>
        <source>Web cart {cart} was already bought ({order}) when this sale&apos;s order {sale_order} closed it: two sales of one cart, check with the customer</source>
        <comment>web_cart.conflict</comment>
        <translation>Webbvarukorgen {cart} var redan köpt ({order}) när det här köpets order {sale_order} skulle stänga den: två köp av samma varukorg, stäm av med kunden</translation>
    </message>
    <message>
        <source>Web cart {cart} is in {currency}: this till sells in SEK only</source>
        <comment>web_cart.currency</comment>
        <translation>Webbvarukorgen {cart} är i {currency}: kassan säljer bara i SEK</translation>
    </message>
    <message>
        <source>Web cart {cart} is empty: there is nothing to sell</source>
        <comment>web_cart.empty</comment>
        <translation>Webbvarukorgen {cart} är tom: det finns inget att sälja</translation>
    </message>
    <message>
        <source>Web cart {cart} cannot be loaded: this till is not connected to the central store</source>
        <comment>web_cart.no_central_store</comment>
        <translation>Webbvarukorgen {cart} kan inte hämtas: kassan är inte ansluten till centralsystemet</translation>
    </message>
    <message>
        <source>There is no web cart {cart} in the central store</source>
        <comment>web_cart.not_found</comment>
        <translation>Det finns ingen webbvarukorg {cart} i centralsystemet</translation>
    </message>
    <message>
        <source>This sale already continues web cart {cart}: pay it first</source>
        <comment>web_cart.one_per_sale</comment>
        <translation>Det här köpet fortsätter redan webbvarukorgen {cart}: betala det först</translation>
    </message>
    <message>
        <source>Web cart {cart} belongs to {customer}, this sale to another customer: take the customer off the sale first</source>
        <comment>web_cart.other_customer</comment>
        <translation>Webbvarukorgen {cart} tillhör {customer}, det här köpet en annan kund: ta bort kunden från köpet först</translation>
    </message>
    <message>
        <source>Web cart {cart} has articles this till does not know: {articles}. Nothing was loaded: sync the catalogue or scan the articles</source>
        <comment>web_cart.unknown_articles</comment>
        <translation>Webbvarukorgen {cart} har artiklar som kassan inte känner till: {articles}. Inget hämtades: synka sortimentet eller skanna artiklarna</translation>
    </message>
    <message>
        <source>Web cart {cart} cannot be loaded: the central store cannot be reached now. Scan the articles instead, or try again later</source>
        <comment>web_cart.unreachable</comment>
        <translation>Webbvarukorgen {cart} kan inte hämtas: centralsystemet går inte att nå just nu. Skanna artiklarna i stället, eller försök igen senare</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a weight in kg (for example 0,512)</source>
        <comment>weight.not_a_weight</comment>
        <translation>&apos;{text}&apos; är ingen vikt i kg (till exempel 0,512)</translation>
    </message>
    <message>
        <source>A weight must be above 0 and at most {max} kg</source>
        <comment>weight.out_of_range</comment>
        <translation>En vikt måste vara över 0 och högst {max} kg</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; has more than three decimals: a weight is in whole grams (for example 0,512 kg)</source>
        <comment>weight.too_many_decimals</comment>
        <translation>&apos;{text}&apos; har fler än tre decimaler: en vikt anges i hela gram (till exempel 0,512 kg)</translation>
    </message>
    <message>
        <source>Digital receipt {value} scanned: returns are not taken at this till yet.</source>
        <comment>scan.not_for_sale.digital_receipt</comment>
        <translation>Digitalt kvitto {value} skannat: returer tas inte emot i den här kassan än.</translation>
    </message>
    <message>
        <source>The quantity must be at least 1: to take the article off the sale, remove its line (Del)</source>
        <comment>cart.quantity_at_least_one</comment>
        <translation>Antalet måste vara minst 1: ta bort raden (Del) för att ta varan ur köpet</translation>
    </message>
    <message>
        <source>{method} did not answer in time. Nothing is lost: check the payment before taking another</source>
        <comment>payment.mobile_no_answer</comment>
        <translation>{method} svarade inte i tid. Inget är förlorat: kontrollera betalningen innan du tar en ny</translation>
    </message>
    <message>
        <source>Payments are already taken: complete the payment, or take them back first (Del)</source>
        <comment>payment.tenders_taken</comment>
        <translation>Betalningar är redan mottagna: slutför betalningen, eller ta tillbaka dem först (Del)</translation>
    </message>
    <message>
        <source>Invoice reference {value} scanned: paying invoices comes in a later release.</source>
        <comment>scan.not_for_sale.invoice_reference</comment>
        <translation>Fakturareferens {value} skannad: betalning av fakturor kommer i en senare version.</translation>
    </message>
    <message>
        <source>Web order {value} scanned: pickups come in a later release.</source>
        <comment>scan.not_for_sale.order</comment>
        <translation>Webborder {value} skannad: utlämning kommer i en senare version.</translation>
    </message>
    <message>
        <source>Product link {value} scanned: scan the article&apos;s barcode instead.</source>
        <comment>scan.not_for_sale.product</comment>
        <translation>Produktlänk {value} skannad: skanna varans streckkod i stället.</translation>
    </message>
    <message>
        <source>Receipt {value} scanned: returns are not taken at this till yet.</source>
        <comment>scan.not_for_sale.receipt</comment>
        <translation>Kvitto {value} skannat: returer tas inte emot i den här kassan än.</translation>
    </message>
    <message>
        <source>OCR reference {digits} has a wrong check digit ({digit}, should be {expected}): scan again or type it from the invoice</source>
        <comment>scan.ocr_check_digit</comment>
        <translation>OCR-referens {digits} har fel kontrollsiffra ({digit}, ska vara {expected}): skanna igen eller skriv in den från fakturan</translation>
    </message>
    <message>
        <source>OCR reference {digits} has {count} digits; a payment reference has 2 to 25</source>
        <comment>scan.ocr_length</comment>
        <translation>OCR-referens {digits} har {count} siffror; en betalningsreferens har 2 till 25</translation>
    </message>
    <message>
        <source>The code could not be read: scan again or type it</source>
        <comment>scan.unreadable</comment>
        <translation>Koden gick inte att läsa: skanna igen eller skriv in den</translation>
    </message>
    <message>
        <source>The web address &apos;{text}&apos; is not a cart, an order, a product or a receipt: nothing to do with it here</source>
        <comment>scan.url_not_for_till</comment>
        <translation>Webbadressen &apos;{text}&apos; är inte en varukorg, en order, en produkt eller ett kvitto: inget att göra med den här</translation>
    </message>
    <message>
        <source>No article with code {code}: it has {count} digits, and a barcode has 8, 12, 13 or 14 (an article number at most 7)</source>
        <comment>scan.wrong_length</comment>
        <translation>Ingen vara med koden {code}: den har {count} siffror, och en streckkod har 8, 12, 13 eller 14 (ett artikelnummer högst 7)</translation>
    </message>
    <message>
        <source>A shift is already open on this register</source>
        <comment>shift.already_open</comment>
        <translation>Ett skift är redan öppet i den här kassan</translation>
    </message>
    <message>
        <source>{amount} kr cannot be taken out: the drawer should hold {available} kr</source>
        <comment>shift.cash_out_exceeds</comment>
        <translation>{amount} kr kan inte tas ut: kassalådan ska innehålla {available} kr</translation>
    </message>
    <message>
        <source>Give a reason for opening the drawer</source>
        <comment>shift.drawer_reason</comment>
        <translation>Ange en anledning till att öppna lådan</translation>
    </message>
    <message>
        <source>Enter an amount</source>
        <comment>shift.enter_amount</comment>
        <translation>Skriv ett belopp</translation>
    </message>
    <message>
        <source>Give a reason for the cash movement</source>
        <comment>shift.movement_reason</comment>
        <translation>Ange en anledning till kontantrörelsen</translation>
    </message>
    <message>
        <source>Counted cash cannot be negative</source>
        <comment>shift.negative_count</comment>
        <translation>Räknat kontantbelopp kan inte vara negativt</translation>
    </message>
    <message>
        <source>The float cannot be negative</source>
        <comment>shift.negative_float</comment>
        <translation>Växelkassan kan inte vara negativ</translation>
    </message>
    <message>
        <source>Open a shift first (F10)</source>
        <comment>shift.open_first</comment>
        <translation>Öppna ett skift först (F10)</translation>
    </message>
    <message>
        <source>Finish or void the sale in progress before closing</source>
        <comment>shift.sale_in_progress</comment>
        <translation>Slutför eller makulera pågående köp innan du stänger</translation>
    </message>
    <message>
        <source>{name} is not among the articles this count takes</source>
        <comment>stock_count.out_of_scope</comment>
        <translation>{name} ingår inte bland artiklarna i den här inventeringen</translation>
    </message>
    <message>
        <source>{kind} terminals are not available in this build: {detail}</source>
        <comment>terminal.not_available</comment>
        <translation>{kind}-terminaler finns inte i den här versionen: {detail}</translation>
    </message>
    <message>
        <source>Terminal URL {url} has no host: use nexo://HOST:PORT</source>
        <comment>terminal.url_no_host</comment>
        <translation>Terminaladressen {url} saknar värd: använd nexo://VÄRD:PORT</translation>
    </message>
    <message>
        <source>Terminal URL {url} has no port: use concert:///dev/ttyUSB0?baud=9600</source>
        <comment>terminal.url_no_port</comment>
        <translation>Terminaladressen {url} saknar port: använd concert:///dev/ttyUSB0?baud=9600</translation>
    </message>
    <message>
        <source>Terminal URL {url}: {key} must be a number</source>
        <comment>terminal.url_not_number</comment>
        <translation>Terminaladressen {url}: {key} måste vara ett tal</translation>
    </message>
    <message>
        <source>Unknown terminal URL {url}: use simulator, nexo://HOST:PORT or concert:///dev/ttyUSB0?baud=9600</source>
        <comment>terminal.url_unknown</comment>
        <translation>Okänd terminaladress {url}: använd simulator, nexo://VÄRD:PORT eller concert:///dev/ttyUSB0?baud=9600</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is neither an e-mail address nor a phone number</source>
        <comment>kiosk.bad_contact</comment>
        <translation>&apos;{text}&apos; är varken en e-postadress eller ett telefonnummer</translation>
    </message>
    <message>
        <source>The call from {place} was already taken by {by}</source>
        <comment>kiosk.call_taken</comment>
        <translation>Anropet från {place} är redan taget av {by}</translation>
    </message>
    <message>
        <source>The cart is empty: add an article first</source>
        <comment>kiosk.cart_empty</comment>
        <translation>Varukorgen är tom: lägg först i en vara</translation>
    </message>
    <message>
        <source>The central store did not save the cart: an article in it is not in stock for this store. Remove it or ask the staff</source>
        <comment>kiosk.cart_out_of_stock</comment>
        <translation>Centralsystemet sparade inte varukorgen: en vara i den finns inte i lager för den här butiken. Ta bort den eller fråga personalen</translation>
    </message>
    <message>
        <source>No customer has the phone number {phone}: give your e-mail address instead</source>
        <comment>kiosk.customer_not_found</comment>
        <translation>Ingen kund har telefonnumret {phone}: ange din e-postadress i stället</translation>
    </message>
    <message>
        <source>{name} cannot be saved in a web cart: the central store does not know it yet</source>
        <comment>kiosk.not_in_central_store</comment>
        <translation>{name} kan inte sparas i en webbvarukorg: centralsystemet känner inte till varan än</translation>
    </message>
    <message>
        <source>That PIN is no staff member&apos;s</source>
        <comment>kiosk.not_staff</comment>
        <translation>Den PIN-koden tillhör ingen i personalen</translation>
    </message>
    <message>
        <source>The cart cannot be saved now: the central store cannot be reached. It is kept here: try again in a moment, or ask the staff at a till</source>
        <comment>kiosk.cart_offline</comment>
        <translation>Varukorgen kan inte sparas just nu: centralsystemet går inte att nå. Den finns kvar här: försök igen om en stund eller fråga personalen i en kassa</translation>
    </message>
    <message>
        <source>The mail server refused the login: check [mail] username and the password (`pos mail set-password`)</source>
        <comment>mail.login_refused</comment>
        <translation>E-postservern godtog inte inloggningen: kontrollera [mail] username och lösenordet (`pos mail set-password`)</translation>
    </message>
    <message>
        <source>No credential store to keep the mail password in: {detail}</source>
        <comment>mail.no_credential_store</comment>
        <translation>Det finns ingen lösenordsförvaring för e-postlösenordet: {detail}</translation>
    </message>
    <message>
        <source>The mail server&apos;s password is not set: run `pos mail set-password`</source>
        <comment>mail.no_password</comment>
        <translation>E-postserverns lösenord är inte angivet: kör `pos mail set-password`</translation>
    </message>
    <message>
        <source>No mail server is configured: set [mail] host and from in the configuration</source>
        <comment>mail.not_configured</comment>
        <translation>Ingen e-postserver är inställd: ange [mail] host och from i inställningarna</translation>
    </message>
    <message>
        <source>The mail server refused the e-mail to {to}: {reason}</source>
        <comment>mail.refused</comment>
        <translation>E-postservern tog inte emot e-postmeddelandet till {to}: {reason}</translation>
    </message>
    <message>
        <source>The mail server cannot be reached now; the e-mail waits and is sent when it answers</source>
        <comment>mail.unreachable</comment>
        <translation>E-postservern går inte att nå just nu; e-postmeddelandet väntar och skickas när den svarar</translation>
    </message>
    <message>
        <source>&quot;{address}&quot; is not an e-mail address</source>
        <comment>receipt_mail.bad_address</comment>
        <translation>&quot;{address}&quot; är ingen e-postadress</translation>
    </message>
    <message>
        <source>No such receipt: {receipt}</source>
        <comment>receipt_mail.no_such_sale</comment>
        <translation>Kvittot finns inte: {receipt}</translation>
    </message>
    <message>
        <source>Receipts are not e-mailed from this till: no mail server is configured</source>
        <comment>receipt_mail.not_offered</comment>
        <translation>Den här kassan e-postar inte kvitton: ingen e-postserver är inställd</translation>
    </message>
    <message>
        <source>Invoice {number} is already paid</source>
        <comment>invoice.already_paid</comment>
        <translation>Faktura {number} är redan betald</translation>
    </message>
    <message>
        <source>Invoice {number}: {amount} kr is due</source>
        <comment>invoice.amount_due</comment>
        <translation>Faktura {number}: {amount} kr att betala</translation>
    </message>
    <message>
        <source>{customer} has an overdue invoice ({number}, due {due}): a manager must approve a new invoice</source>
        <comment>invoice.customer_overdue</comment>
        <translation>{customer} har en förfallen faktura ({number}, förföll {due}): en chef måste godkänna en ny faktura</translation>
    </message>
    <message>
        <source>{customer} has no billing address: add one before paying by invoice</source>
        <comment>invoice.no_billing_address</comment>
        <translation>{customer} saknar fakturaadress: lägg till en innan betalning mot faktura</translation>
    </message>
    <message>
        <source>An invoice needs an identified customer: find the customer first</source>
        <comment>invoice.no_customer</comment>
        <translation>En faktura kräver en identifierad kund: sök fram kunden först</translation>
    </message>
    <message>
        <source>No invoice has reference {reference}</source>
        <comment>invoice.not_found</comment>
        <translation>Ingen faktura har OCR-nummer {reference}</translation>
    </message>
    <message>
        <source>This till does not offer invoices (no bankgiro in [invoice])</source>
        <comment>invoice.not_offered</comment>
        <translation>Den här kassan tar inte betalt mot faktura (inget bankgiro i [invoice])</translation>
    </message>
    <message>
        <source>OCR reference {reference} has a wrong check digit</source>
        <comment>invoice.ocr_check_digit</comment>
        <translation>OCR-numret {reference} har fel kontrollsiffra</translation>
    </message>
    <message>
        <source>OCR reference {reference} has {count} digits; a payment reference has 2 to 25</source>
        <comment>invoice.ocr_length</comment>
        <translation>OCR-numret {reference} har {count} siffror; ett OCR-nummer har 2 till 25</translation>
    </message>
    <message>
        <source>OCR reference {reference} has a wrong length digit ({digit}, should be {expected})</source>
        <comment>invoice.ocr_length_digit</comment>
        <translation>OCR-numret {reference} har fel längdsiffra ({digit}, ska vara {expected})</translation>
    </message>
    <message>
        <source>OCR reference {reference} must be digits only</source>
        <comment>invoice.ocr_not_digits</comment>
        <translation>OCR-numret {reference} får bara innehålla siffror</translation>
    </message>
    <message>
        <source>The invoice is for {customer}, not the sale&apos;s customer</source>
        <comment>invoice.other_customer</comment>
        <translation>Fakturan gäller {customer}, inte köpets kund</translation>
    </message>
    <message>
        <source>{customer} would owe {owed} kr on invoices, over the credit limit of {limit} kr: a manager must approve</source>
        <comment>invoice.over_credit_limit</comment>
        <translation>{customer} skulle vara skyldig {owed} kr på fakturor, över kreditgränsen {limit} kr: en chef måste godkänna</translation>
    </message>
    <message>
        <source>Invoice {ocr} is already paid in the central store ({detail}): refund this payment</source>
        <comment>invoice.paid_elsewhere</comment>
        <translation>Faktura {ocr} är redan betald enligt centralsystemet ({detail}): betala tillbaka den här betalningen</translation>
    </message>
    <message>
        <source>Finish or park the sale first: an invoice is paid on a sale of its own</source>
        <comment>invoice.sale_not_empty</comment>
        <translation>Avsluta eller parkera köpet först: en faktura betalas som ett eget köp</translation>
    </message>
    <message>
        <source>The invoice series {series} must be 1 to 3 digits</source>
        <comment>invoice.series_invalid</comment>
        <translation>Fakturaserien {series} ska vara 1 till 3 siffror</translation>
    </message>
    <message>
        <source>An invoice pays the whole sale: take the other payments back first</source>
        <comment>invoice.whole_sale</comment>
        <translation>En faktura betalar hela köpet: ta tillbaka de andra betalningarna först</translation>
    </message>
    <message>
        <source>A gift card is sold for {min} to {max} kr</source>
        <comment>giftcard.amount_out_of_range</comment>
        <translation>Ett presentkort säljs för {min} till {max} kr</translation>
    </message>
    <message>
        <source>The gift card {code} has nothing left</source>
        <comment>giftcard.empty</comment>
        <translation>Presentkortet {code} har inget saldo kvar</translation>
    </message>
    <message>
        <source>The gift card {code} expired on {date}</source>
        <comment>giftcard.expired</comment>
        <translation>Presentkortet {code} gick ut {date}</translation>
    </message>
    <message>
        <source>The gift card has only {balance} kr left</source>
        <comment>giftcard.insufficient</comment>
        <translation>Presentkortet har bara {balance} kr kvar</translation>
    </message>
    <message>
        <source>{code} is not a gift card code</source>
        <comment>giftcard.invalid_code</comment>
        <translation>{code} är ingen presentkortskod</translation>
    </message>
    <message>
        <source>There is no gift card {code}</source>
        <comment>giftcard.not_found</comment>
        <translation>Det finns inget presentkort {code}</translation>
    </message>
    <message>
        <source>The gift card {code} is not active yet: it was sold at a till whose sale has not reached the central store</source>
        <comment>giftcard.not_issued_yet</comment>
        <translation>Presentkortet {code} är inte aktivt än: det såldes i en kassa vars köp inte har nått centralsystemet</translation>
    </message>
    <message>
        <source>The gift card cannot be redeemed now: the central store cannot be reached. Nothing was charged; take another payment</source>
        <comment>giftcard.offline</comment>
        <translation>Presentkortet kan inte lösas in nu: centralsystemet går inte att nå. Inget har dragits; ta betalt på annat sätt</translation>
    </message>
    <message>
        <source>Gift card {code}: pay with it in the payment (F9, then F7)</source>
        <comment>giftcard.pay_in_payment</comment>
        <translation>Presentkort {code}: betala med det i betalningen (F9, sedan F7)</translation>
    </message>
    <message>
        <source>{customer} has no store credit</source>
        <comment>storecredit.empty</comment>
        <translation>{customer} har inget tillgodo</translation>
    </message>
    <message>
        <source>Store credit needs a customer on the sale</source>
        <comment>storecredit.no_customer</comment>
        <translation>Tillgodo kräver en kund på köpet</translation>
    </message>
    <message>
        <source>Store credit cannot be used now: the central store cannot be reached. Nothing was charged; take another payment</source>
        <comment>storecredit.offline</comment>
        <translation>Tillgodo kan inte användas nu: centralsystemet går inte att nå. Inget har dragits; ta betalt på annat sätt</translation>
    </message>
    <message>
        <source>A refund to store credit needs a customer on the return</source>
        <comment>storecredit.refund_needs_customer</comment>
        <translation>Återbetalning till tillgodo kräver en kund på returen</translation>
    </message>
    <message>
        <source>Shelf labels printed: {printed} of {total}; the printer stopped: {reason}</source>
        <comment>labels.not_printed</comment>
        <translation>Hyllkantsetiketter utskrivna: {printed} av {total}; skrivaren stannade: {reason}</translation>
    </message>
    <message>
        <source>Choose articles, a category or a date to make shelf labels</source>
        <comment>labels.nothing_chosen</comment>
        <translation>Välj artiklar, en kategori eller ett datum för att göra hyllkantsetiketter</translation>
    </message>
    <message>
        <source>The shelf labels&apos; QR address {base} is not a web address: set [labels] qr_base to https://...</source>
        <comment>labels.qr_base</comment>
        <translation>Hyllkanternas QR-adress {base} är ingen webbadress: ange [labels] qr_base som https://...</translation>
    </message>
    <message>
        <source>{count} articles is more than {max} labels at a time: choose fewer</source>
        <comment>labels.too_many</comment>
        <translation>{count} artiklar är fler än {max} etiketter åt gången: välj färre</translation>
    </message>
    <message>
        <source>Too many wrong PINs at this kiosk: it takes none for {minutes} min</source>
        <comment>kiosk.pin_locked</comment>
        <translation>För många fel PIN-koder i den här kiosken: den tar inga på {minutes} min</translation>
    </message>
    <message>
        <source>Write the town or city</source>
        <comment>kiosk_order.city_missing</comment>
        <translation>Skriv orten</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is neither a phone number nor an e-mail address</source>
        <comment>kiosk_order.contact_invalid</comment>
        <translation>&apos;{text}&apos; är varken ett telefonnummer eller en e-postadress</translation>
    </message>
    <message>
        <source>Give a phone number or an e-mail address, so that we can tell you when the order is on its way</source>
        <comment>kiosk_order.contact_missing</comment>
        <translation>Ange ett telefonnummer eller en e-postadress, så att vi kan meddela när beställningen är på väg</translation>
    </message>
    <message>
        <source>Write your name</source>
        <comment>kiosk_order.name_missing</comment>
        <translation>Skriv ditt namn</translation>
    </message>
    <message>
        <source>{location} is not a store that can hand over the order</source>
        <comment>kiosk_order.not_a_pickup_store</comment>
        <translation>{location} är ingen butik som kan lämna ut beställningen</translation>
    </message>
    <message>
        <source>Choose an article to order first</source>
        <comment>kiosk_order.nothing</comment>
        <translation>Välj först en vara att beställa</translation>
    </message>
    <message>
        <source>The order is being paid: wait for the card terminal</source>
        <comment>kiosk_order.paying</comment>
        <translation>Beställningen betalas: vänta på kortterminalen</translation>
    </message>
    <message>
        <source>Write the street address the parcel goes to</source>
        <comment>kiosk_order.street_missing</comment>
        <translation>Skriv gatuadressen som paketet ska till</translation>
    </message>
</context>
<context>
    <name>FilterTable</name>
    <message>
        <source>Filter…</source>
        <translation>Filtrera…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n rad</numerusform>
            <numerusform>%n rader</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 av %2</translation>
    </message>
</context>
<context>
    <name>FindPage</name>
    <message>
        <source>Find a product</source>
        <translation>Hitta en vara</translation>
    </message>
    <message>
        <source>Name or EAN, or scan the barcode</source>
        <translation>Namn eller EAN, eller skanna streckkoden</translation>
    </message>
    <message>
        <source>Categories: choose one, or search</source>
        <translation>Kategorier: välj en eller sök</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alla kategorier</translation>
    </message>
    <message>
        <source>Nothing found for “%1”</source>
        <translation>Inget hittades för ”%1”</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s): %1</source>
        <translation>
            <numerusform>%n vara: %1</numerusform>
            <numerusform>%n varor: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GiftCardPayDialog</name>
    <message>
        <source>Store credit</source>
        <translation>Tillgodo</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Presentkort</translation>
    </message>
    <message>
        <source>Pay with %1&apos;s store credit</source>
        <translation>Betala med %1s tillgodo</translation>
    </message>
    <message>
        <source>Scan or type the gift card&apos;s code</source>
        <translation>Skanna eller skriv presentkortets kod</translation>
    </message>
    <message>
        <source>Left to pay: %1 kr</source>
        <translation>Kvar att betala: %1 kr</translation>
    </message>
    <message>
        <source>Check balance</source>
        <translation>Kontrollera saldo</translation>
    </message>
    <message>
        <source>Amount to take from it</source>
        <translation>Belopp att dra från det</translation>
    </message>
    <message>
        <source>Pay (Enter)</source>
        <translation>Betala (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
    <message>
        <source>Asking the central store…</source>
        <translation>Frågar centralsystemet…</translation>
    </message>
    <message>
        <source>Type the amount in kronor</source>
        <translation>Skriv beloppet i kronor</translation>
    </message>
    <message>
        <source>The amount must be more than 0 kr</source>
        <translation>Beloppet måste vara mer än 0 kr</translation>
    </message>
    <message>
        <source>At most %1 kr</source>
        <translation>Högst %1 kr</translation>
    </message>
    <message>
        <source>Taking %1 kr…</source>
        <translation>Drar %1 kr…</translation>
    </message>
    <message>
        <source>Balance: %1 kr</source>
        <translation>Saldo: %1 kr</translation>
    </message>
    <message>
        <source>(valid to %1)</source>
        <translation>(giltigt t.o.m. %1)</translation>
    </message>
    <message>
        <source>Nothing to take from it</source>
        <translation>Inget att dra från det</translation>
    </message>
</context>
<context>
    <name>GiftCardSaleDialog</name>
    <message>
        <source>Sell a gift card</source>
        <translation>Sälj presentkort</translation>
    </message>
    <message>
        <source>Gift card: the amount the customer pays for it</source>
        <translation>Presentkort: beloppet kunden betalar för det</translation>
    </message>
    <message>
        <source>From %1 to %2 kr. Valid %3 days. No VAT now: VAT is paid when the card is spent.</source>
        <translation>Från %1 till %2 kr. Giltigt %3 dagar. Ingen moms nu: moms betalas när kortet används.</translation>
    </message>
    <message>
        <source>e.g. 500</source>
        <translation>t.ex. 500</translation>
    </message>
    <message>
        <source>Add to the sale (Enter)</source>
        <translation>Lägg till på köpet (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
    <message>
        <source>Type the card&apos;s amount in kronor</source>
        <translation>Skriv kortets belopp i kronor</translation>
    </message>
    <message>
        <source>A gift card is sold for %1 to %2 kr</source>
        <translation>Ett presentkort säljs för %1 till %2 kr</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Stäng (Esc)</translation>
    </message>
</context>
<context>
    <name>InterestPage</name>
    <message>
        <source>All stores</source>
        <translation>Alla butiker</translation>
    </message>
    <message>
        <source>Per article (Ctrl+G)</source>
        <translation>Per artikel (Ctrl+G)</translation>
    </message>
    <message>
        <source>Show (F5)</source>
        <translation>Visa (F5)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnr</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Shelf QR</source>
        <translation>Hylla</translation>
    </message>
    <message>
        <source>Kiosk QR</source>
        <translation>Kiosk QR</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Skann.</translation>
    </message>
    <message>
        <source>Searches</source>
        <translation>Sök.</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Visn.</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Intresse</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Sålt</translation>
    </message>
    <message>
        <source>Sold for</source>
        <translation>Sålt för</translation>
    </message>
    <message>
        <source>Sold per interest</source>
        <translation>Sålt/intr.</translation>
    </message>
    <message>
        <source>Filter: article, SKU, day…</source>
        <translation>Filtrera: artikel, artikelnr, dag…</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Läser…</translation>
    </message>
    <message>
        <source>(store not known)</source>
        <translation>(okänd butik)</translation>
    </message>
    <message>
        <source>Most interest</source>
        <translation>Mest intresse</translation>
    </message>
    <message>
        <source>Sold (units)</source>
        <translation>Sålt (st)</translation>
    </message>
    <message>
        <source>Interest %1 (shelf QR %2, kiosk %3) · sold %4 units for %5 · %6 sold per interest</source>
        <translation>Intresse %1 (hyll-QR %2, kiosk %3) · sålt %4 st för %5 · %6 sålda per intresse</translation>
    </message>
    <message>
        <source>Shelf-label QR scans by phones from the central store, the kiosks&apos; own scans and searches from this store&apos;s database; sold: this store&apos;s tills.</source>
        <translation>Hyllkantens QR-skanningar med mobilen från centralsystemet, kioskernas egna skanningar och sökningar från butikens databas; sålt: butikens kassor.</translation>
    </message>
    <message>
        <source>No central store is set up: only the kiosks&apos; own figures are shown (shelf-label QR scans by phones are counted there).</source>
        <translation>Inget centralsystem är inställt: bara kioskernas egna siffror visas (hyllkantens QR-skanningar med mobilen räknas där).</translation>
    </message>
    <message>
        <source>The central store could not be reached: only the kiosks&apos; own figures are shown. Shelf-label QR scans by phones are missing; F5 tries again.</source>
        <translation>Centralsystemet kunde inte nås: bara kioskernas egna siffror visas. Hyllkantens QR-skanningar med mobilen saknas; F5 försöker igen.</translation>
    </message>
    <message>
        <source>%1. F5 reads again.</source>
        <translation>%1. F5 läser igen.</translation>
    </message>
    <message>
        <source>No product interest recorded %1.</source>
        <translation>Inget produktintresse registrerat %1.</translation>
    </message>
</context>
<context>
    <name>InterestTile</name>
    <message>
        <source>Product interest</source>
        <translation>Produktintresse</translation>
    </message>
    <message>
        <source>No interest recorded</source>
        <translation>Inget intresse registrerat</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n artikel</numerusform>
            <numerusform>%n artiklar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InvoiceDocumentDialog</name>
    <message>
        <source>Invoice %1</source>
        <translation>Faktura %1</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Att betala</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Förfallodatum</translation>
    </message>
    <message>
        <source>OCR reference</source>
        <translation>OCR-nummer</translation>
    </message>
    <message>
        <source>Bankgiro</source>
        <translation>Bankgiro</translation>
    </message>
    <message>
        <source>Print the invoice (F9)</source>
        <translation>Skriv ut fakturan (F9)</translation>
    </message>
    <message>
        <source>Save as PDF (F8)</source>
        <translation>Spara som PDF (F8)</translation>
    </message>
    <message>
        <source>The customer&apos;s e-mail address</source>
        <translation>Kundens e-postadress</translation>
    </message>
    <message>
        <source>E-mail the invoice (F7)</source>
        <translation>E-posta fakturan (F7)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Stäng (Esc)</translation>
    </message>
    <message>
        <source>The invoice printer %1 is not installed on this computer: save the invoice as a PDF, or check [invoice] printer.</source>
        <translation>Fakturaskrivaren %1 finns inte på den här datorn: spara fakturan som PDF, eller kontrollera [invoice] printer.</translation>
    </message>
    <message>
        <source>Print invoice %1</source>
        <translation>Skriv ut faktura %1</translation>
    </message>
    <message>
        <source>Printing the invoice…</source>
        <translation>Skriver ut fakturan…</translation>
    </message>
    <message>
        <source>Invoice %1 printed on %2.</source>
        <translation>Faktura %1 utskriven på %2.</translation>
    </message>
    <message>
        <source>Save the invoice</source>
        <translation>Spara fakturan</translation>
    </message>
    <message>
        <source>Saving the PDF…</source>
        <translation>Sparar PDF-filen…</translation>
    </message>
    <message>
        <source>Invoice saved as %1</source>
        <translation>Fakturan sparad som %1</translation>
    </message>
    <message>
        <source>That is not an e-mail address: check it and try again.</source>
        <translation>Det är ingen e-postadress: kontrollera den och försök igen.</translation>
    </message>
    <message>
        <source>Queuing the e-mail…</source>
        <translation>Lägger e-postmeddelandet i kö…</translation>
    </message>
    <message>
        <source>Invoice %1 will be e-mailed to %2.</source>
        <translation>Faktura %1 e-postas till %2.</translation>
    </message>
</context>
<context>
    <name>InvoicePaymentDialog</name>
    <message>
        <source>Pay an invoice</source>
        <translation>Betala en faktura</translation>
    </message>
    <message>
        <source>Pay an open invoice</source>
        <translation>Betala en obetald faktura</translation>
    </message>
    <message>
        <source>OCR reference (scan or type it)</source>
        <translation>OCR-nummer (skanna eller skriv)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Faktura</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Att betala</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Förfallodatum</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pay this invoice (Enter)</source>
        <translation>Betala fakturan (Enter)</translation>
    </message>
    <message>
        <source>The customer&apos;s open invoices (F8)</source>
        <translation>Kundens obetalda fakturor (F8)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
    <message>
        <source>Looking the invoice up…</source>
        <translation>Söker fakturan…</translation>
    </message>
    <message>
        <source>order %1</source>
        <translation>order %1</translation>
    </message>
    <message>
        <source>open</source>
        <translation>obetald</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>betald</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>förfallen</translation>
    </message>
    <message>
        <source>This invoice is paid already: nothing to take.</source>
        <translation>Fakturan är redan betald: inget att ta betalt för.</translation>
    </message>
    <message>
        <source>The central store cannot be reached: this till&apos;s own record of the invoice is shown. It is marked paid centrally later.</source>
        <translation>Centralsystemet nås inte: kassans egen uppgift om fakturan visas. Den markeras som betald centralt senare.</translation>
    </message>
</context>
<context>
    <name>InvoiceTender</name>
    <message>
        <source>Invoice (F9)</source>
        <translation>Faktura (F9)</translation>
    </message>
    <message>
        <source>Invoice: print, PDF, e-mail (F9)</source>
        <translation>Faktura: skriv ut, PDF, e-post (F9)</translation>
    </message>
    <message>
        <source>Checking the customer&apos;s address and invoices…</source>
        <translation>Kontrollerar kundens adress och fakturor…</translation>
    </message>
</context>
<context>
    <name>JournalKinds</name>
    <message>
        <source>Sale</source>
        <translation>Köp</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retur</translation>
    </message>
    <message>
        <source>Line voided</source>
        <translation>Rad makulerad</translation>
    </message>
    <message>
        <source>Sale voided</source>
        <translation>Köp makulerat</translation>
    </message>
    <message>
        <source>Receipt copy</source>
        <translation>Kvittokopia</translation>
    </message>
    <message>
        <source>Receipt copy refused</source>
        <translation>Kvittokopia nekad</translation>
    </message>
    <message>
        <source>Receipt e-mailed</source>
        <translation>Kvitto e-postat</translation>
    </message>
    <message>
        <source>Drawer opened</source>
        <translation>Kassalåda öppnad</translation>
    </message>
    <message>
        <source>Price changed</source>
        <translation>Pris ändrat</translation>
    </message>
    <message>
        <source>Discount approved</source>
        <translation>Rabatt godkänd</translation>
    </message>
    <message>
        <source>Shift opened</source>
        <translation>Pass öppnat</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation>Pass stängt</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Insättning</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Uttag</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X-rapport</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>Z-rapport</translation>
    </message>
    <message>
        <source>Report copy</source>
        <translation>Rapportkopia</translation>
    </message>
    <message>
        <source>Sale parked</source>
        <translation>Köp parkerat</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Inloggning</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>Misslyckad inloggning</translation>
    </message>
    <message>
        <source>Logout</source>
        <translation>Utloggning</translation>
    </message>
    <message>
        <source>Card refund</source>
        <translation>Kortåterbetalning</translation>
    </message>
    <message>
        <source>Tender taken back</source>
        <translation>Betalning återtagen</translation>
    </message>
    <message>
        <source>Gift card sold</source>
        <translation>Presentkort sålt</translation>
    </message>
    <message>
        <source>Staff added</source>
        <translation>Personal tillagd</translation>
    </message>
    <message>
        <source>Staff changed</source>
        <translation>Personal ändrad</translation>
    </message>
    <message>
        <source>Discount limit changed</source>
        <translation>Rabattgräns ändrad</translation>
    </message>
    <message>
        <source>PIN reset</source>
        <translation>PIN-kod återställd</translation>
    </message>
    <message>
        <source>Lockout lifted</source>
        <translation>Spärr hävd</translation>
    </message>
    <message>
        <source>Message to the central store retried</source>
        <translation>Meddelande till centralsystemet skickat igen</translation>
    </message>
    <message>
        <source>Customer created</source>
        <translation>Kund skapad</translation>
    </message>
    <message>
        <source>Customer changed</source>
        <translation>Kund ändrad</translation>
    </message>
    <message>
        <source>Stock count started</source>
        <translation>Inventering startad</translation>
    </message>
    <message>
        <source>Stock count posted</source>
        <translation>Inventering bokförd</translation>
    </message>
    <message>
        <source>Stock count cancelled</source>
        <translation>Inventering avbruten</translation>
    </message>
    <message>
        <source>Transfer received</source>
        <translation>Överföring mottagen</translation>
    </message>
    <message>
        <source>Invoice issued</source>
        <translation>Faktura utfärdad</translation>
    </message>
    <message>
        <source>Invoice approved</source>
        <translation>Faktura godkänd</translation>
    </message>
    <message>
        <source>Invoice paid</source>
        <translation>Faktura betald</translation>
    </message>
    <message>
        <source>Shelf labels printed</source>
        <translation>Hyllkantsetiketter utskrivna</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <source>All registers</source>
        <translation>Alla kassor</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alla händelser</translation>
    </message>
    <message>
        <source>Text in the entry (Ctrl+F)</source>
        <translation>Text i raden (Ctrl+F)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Kassa</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Innehåll</translation>
    </message>
    <message>
        <source>◀ Newer (PgUp)</source>
        <translation>◀ Nyare (PgUp)</translation>
    </message>
    <message>
        <source>Older (PgDn) ▶</source>
        <translation>Äldre (PgDn) ▶</translation>
    </message>
    <message>
        <source>Verify the chain (Ctrl+Y)</source>
        <translation>Kontrollera kedjan (Ctrl+Y)</translation>
    </message>
    <message>
        <source>Export CSV… (Ctrl+E)</source>
        <translation>Exportera CSV… (Ctrl+E)</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Page %1 of %2 · %3 entries</source>
        <translation>Sida %1 av %2 · %3 rader</translation>
    </message>
    <message>
        <source>Verifying every register&apos;s journal…</source>
        <translation>Kontrollerar varje kassas journal…</translation>
    </message>
    <message>
        <source>The journal is whole: %1 entries of %2 journals checked, every hash and link as written.</source>
        <translation>Journalen är hel: %1 rader i %2 journaler kontrollerade, varje hash och länk som den skrevs.</translation>
    </message>
    <message>
        <source>register %1, entry %2: %3</source>
        <translation>kassa %1, rad %2: %3</translation>
    </message>
    <message>
        <source>register %1</source>
        <translation>kassa %1</translation>
    </message>
    <message>
        <source>The journal is BROKEN: %1</source>
        <translation>Journalen är BRUTEN: %1</translation>
    </message>
    <message>
        <source>Export the journal</source>
        <translation>Exportera journalen</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Skriver %1…</translation>
    </message>
    <message>
        <source>%1 entries saved: %2</source>
        <translation>%1 rader sparade: %2</translation>
    </message>
</context>
<context>
    <name>JournalSummaries</name>
    <message>
        <source>someone unknown</source>
        <translation>okänd</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>kontant</translation>
    </message>
    <message>
        <source>card</source>
        <translation>kort</translation>
    </message>
    <message>
        <source>Swish</source>
        <translation>Swish</translation>
    </message>
    <message>
        <source>gift card</source>
        <translation>presentkort</translation>
    </message>
    <message>
        <source>store credit</source>
        <translation>tillgodo</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>faktura</translation>
    </message>
    <message>
        <source>web payment</source>
        <translation>webbetalning</translation>
    </message>
    <message>
        <source>nothing paid</source>
        <translation>inget betalt</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>kassör</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>chef</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message numerus="yes">
        <source>Receipt %1: %n article(s), %2, %3</source>
        <translation>
            <numerusform>Kvitto %1: %n artikel, %2, %3</numerusform>
            <numerusform>Kvitto %1: %n artiklar, %2, %3</numerusform>
        </translation>
    </message>
    <message>
        <source>, sent home</source>
        <translation>, hemleverans</translation>
    </message>
    <message numerus="yes">
        <source>Return, receipt %1: %n article(s), %2, %3</source>
        <translation>
            <numerusform>Retur, kvitto %1: %n artikel, %2, %3</numerusform>
            <numerusform>Retur, kvitto %1: %n artiklar, %2, %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 × %2 taken off the sale, %3</source>
        <translation>%1 × %2 struken från köpet, %3</translation>
    </message>
    <message numerus="yes">
        <source>Sale of %n article(s) voided, %1</source>
        <translation>
            <numerusform>Köp med %n artikel makulerat, %1</numerusform>
            <numerusform>Köp med %n artiklar makulerat, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy of receipt %1 printed</source>
        <translation>Kopia av kvitto %1 utskriven</translation>
    </message>
    <message>
        <source>A second copy of receipt %1 refused</source>
        <translation>En andra kopia av kvitto %1 nekad</translation>
    </message>
    <message>
        <source>Copy of receipt %1 e-mailed to %2</source>
        <translation>Kopia av kvitto %1 e-postad till %2</translation>
    </message>
    <message>
        <source>Receipt %1 e-mailed to %2</source>
        <translation>Kvitto %1 e-postat till %2</translation>
    </message>
    <message>
        <source>Drawer opened without a sale by %1: %2 (approved by %3)</source>
        <translation>Lådöppning utan köp av %1: %2 (godkänd av %3)</translation>
    </message>
    <message>
        <source>Drawer opened for receipt %1</source>
        <translation>Lådöppning för kvitto %1</translation>
    </message>
    <message>
        <source>Drawer opened for receipt %1 (the printer failed)</source>
        <translation>Lådöppning för kvitto %1 (skrivaren svarade inte)</translation>
    </message>
    <message>
        <source>Drawer opened from the back office by %1</source>
        <translation>Lådöppning från backoffice av %1</translation>
    </message>
    <message>
        <source>Drawer opened for cash in</source>
        <translation>Lådöppning för insättning</translation>
    </message>
    <message>
        <source>Drawer opened for cash out</source>
        <translation>Lådöppning för uttag</translation>
    </message>
    <message>
        <source>Drawer opened: %1</source>
        <translation>Lådöppning: %1</translation>
    </message>
    <message>
        <source>%1: price %2 → %3, approved by %4</source>
        <translation>%1: pris %2 → %3, godkänt av %4</translation>
    </message>
    <message>
        <source>Return without a receipt: %1 × %2, approved by %3</source>
        <translation>Retur utan kvitto: %1 × %2, godkänd av %3</translation>
    </message>
    <message>
        <source>the sale</source>
        <translation>hela köpet</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>rad %1</translation>
    </message>
    <message>
        <source>Discount %1 on %2, approved by %3</source>
        <translation>Rabatt %1 på %2, godkänd av %3</translation>
    </message>
    <message>
        <source>Sale parked: %1</source>
        <translation>Köp parkerat: %1</translation>
    </message>
    <message>
        <source>%1 %2 taken back before the sale completed</source>
        <translation>%1 %2 återlämnat innan köpet slutfördes</translation>
    </message>
    <message>
        <source>%1 refunded to the card</source>
        <translation>%1 återbetalt till kortet</translation>
    </message>
    <message>
        <source>Gift card %1 sold: %2</source>
        <translation>Presentkort %1 sålt: %2</translation>
    </message>
    <message>
        <source>Shift %1 opened by %2, float %3</source>
        <translation>Skift %1 öppnat av %2, växelkassa %3</translation>
    </message>
    <message>
        <source>Shift %1 closed by %2</source>
        <translation>Skift %1 stängt av %2</translation>
    </message>
    <message>
        <source>%1 into the drawer: %2</source>
        <translation>%1 in i lådan: %2</translation>
    </message>
    <message>
        <source>%1 out of the drawer: %2</source>
        <translation>%1 ut ur lådan: %2</translation>
    </message>
    <message numerus="yes">
        <source>X report: %1, %n receipt(s)</source>
        <translation>
            <numerusform>X-rapport: %1, %n kvitto</numerusform>
            <numerusform>X-rapport: %1, %n kvitton</numerusform>
        </translation>
    </message>
    <message>
        <source>Z report %1: %2</source>
        <translation>Z-rapport %1: %2</translation>
    </message>
    <message>
        <source>, cash difference %1</source>
        <translation>, kassadifferens %1</translation>
    </message>
    <message>
        <source>Copy of Z report %1 of %2</source>
        <translation>Kopia av Z-rapport %1 för %2</translation>
    </message>
    <message>
        <source>Copy of an X report of %1</source>
        <translation>Kopia av en X-rapport för %1</translation>
    </message>
    <message>
        <source>: not printed (%1)</source>
        <translation>: inte utskriven (%1)</translation>
    </message>
    <message>
        <source>%1 logged in</source>
        <translation>%1 loggade in</translation>
    </message>
    <message>
        <source>%1 logged out</source>
        <translation>%1 loggade ut</translation>
    </message>
    <message>
        <source>A wrong manager PIN for an approval</source>
        <translation>Fel chefs-PIN vid ett godkännande</translation>
    </message>
    <message>
        <source>%1 is not a manager: the back office refused</source>
        <translation>%1 är inte chef: backoffice nekade</translation>
    </message>
    <message>
        <source>A wrong PIN for %1</source>
        <translation>Fel PIN-kod för %1</translation>
    </message>
    <message>
        <source>%1 (%2) added as %3</source>
        <translation>%1 (%2) tillagd som %3</translation>
    </message>
    <message>
        <source>name %1 → %2</source>
        <translation>namn %1 → %2</translation>
    </message>
    <message>
        <source>role %1 → %2</source>
        <translation>roll %1 → %2</translation>
    </message>
    <message>
        <source>active again</source>
        <translation>aktiv igen</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>inaktiverad</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The store&apos;s discount limit: %2 → %3</source>
        <translation>Butikens rabattgräns: %2 → %3</translation>
    </message>
    <message>
        <source>Discount limit of %1: %2 → %3</source>
        <translation>Rabattgräns för %1: %2 → %3</translation>
    </message>
    <message>
        <source>A new PIN for %1</source>
        <translation>Ny PIN-kod för %1</translation>
    </message>
    <message>
        <source>, lockout lifted</source>
        <translation>, spärren hävd</translation>
    </message>
    <message numerus="yes">
        <source>Lockout of %1 lifted after %n failed attempt(s)</source>
        <translation>
            <numerusform>Spärren för %1 hävd efter %n misslyckat försök</numerusform>
            <numerusform>Spärren för %1 hävd efter %n misslyckade försök</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 sent to the central store again after %n attempt(s)</source>
        <translation>
            <numerusform>%1 skickat till centrallagret igen efter %n försök</numerusform>
            <numerusform>%1 skickat till centrallagret igen efter %n försök</numerusform>
        </translation>
    </message>
    <message>
        <source>Customer %1 created</source>
        <translation>Kund %1 skapad</translation>
    </message>
    <message>
        <source>, offers by e-mail</source>
        <translation>, erbjudanden via e-post</translation>
    </message>
    <message>
        <source>, although like %1: %2</source>
        <translation>, trots likhet med %1: %2</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>förnamn</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>efternamn</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-post</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>telefon</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adress</translation>
    </message>
    <message>
        <source>offers by e-mail</source>
        <translation>erbjudanden via e-post</translation>
    </message>
    <message>
        <source>Customer %1: %2 changed</source>
        <translation>Kund %1: %2 ändrat</translation>
    </message>
    <message>
        <source>the whole store (what is not counted is set to 0)</source>
        <translation>hela butiken (det som inte räknas sätts till 0)</translation>
    </message>
    <message>
        <source>any articles (only what is counted changes)</source>
        <translation>valfria artiklar (bara det som räknas ändras)</translation>
    </message>
    <message>
        <source>category %1</source>
        <translation>kategori %1</translation>
    </message>
    <message>
        <source>chosen articles</source>
        <translation>valda artiklar</translation>
    </message>
    <message>
        <source>Stock count %1 started at %2: %3</source>
        <translation>Inventering %1 påbörjad på %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>Stock count %1 posted: %n article(s), %2 counted of %3 expected, difference %4</source>
        <translation>
            <numerusform>Inventering %1 bokförd: %n artikel, %2 räknade av %3 väntade, differens %4</numerusform>
            <numerusform>Inventering %1 bokförd: %n artiklar, %2 räknade av %3 väntade, differens %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n article(s) not counted set to 0</source>
        <translation>
            <numerusform>, %n artikel som inte räknats satt till 0</numerusform>
            <numerusform>, %n artiklar som inte räknats satta till 0</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stock count %1 cancelled with %n article(s) counted</source>
        <translation>
            <numerusform>Inventering %1 avbruten med %n artikel räknad</numerusform>
            <numerusform>Inventering %1 avbruten med %n artiklar räknade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Transfer %1 from %2: %n unit(s) received</source>
        <translation>
            <numerusform>Överföring %1 från %2: %n st mottagen</numerusform>
            <numerusform>Överföring %1 från %2: %n st mottagna</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 short</source>
        <translation>, %1 saknas</translation>
    </message>
    <message>
        <source>Invoice %1: %2, due %3</source>
        <translation>Faktura %1: %2, förfaller %3</translation>
    </message>
    <message>
        <source>Invoice %1 of %2 on credit approved by %3</source>
        <translation>Faktura %1 på %2 godkänd på kredit av %3</translation>
    </message>
    <message>
        <source>Invoice with OCR %1 paid: %2, receipt %3</source>
        <translation>Faktura med OCR %1 betald: %2, kvitto %3</translation>
    </message>
    <message numerus="yes">
        <source>%n shelf label(s) on an A4 sheet (%1)</source>
        <translation>
            <numerusform>%n hyllkant på ett A4-ark (%1)</numerusform>
            <numerusform>%n hyllkanter på ett A4-ark (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n shelf label(s) printed on the receipt printer</source>
        <translation>
            <numerusform>%1 av %n hyllkant utskriven på kvittoskrivaren</numerusform>
            <numerusform>%1 av %n hyllkanter utskrivna på kvittoskrivaren</numerusform>
        </translation>
    </message>
    <message>
        <source>: stopped (%1)</source>
        <translation>: avbrutet (%1)</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Find</source>
        <translation>Hitta</translation>
    </message>
    <message>
        <source>Call staff</source>
        <translation>Ropa på personal</translation>
    </message>
    <message>
        <source>I am still here</source>
        <translation>Jag är kvar</translation>
    </message>
    <message>
        <source>%1 is in your cart</source>
        <translation>%1 ligger i din varukorg</translation>
    </message>
    <message numerus="yes">
        <source>Cart (%n)</source>
        <translation>
            <numerusform>Varukorg (%n)</numerusform>
            <numerusform>Varukorg (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Hold a barcode in front of the camera, use the scanner, or search</source>
        <translation>Håll en streckkod framför kameran, använd skannern eller sök</translation>
    </message>
    <message>
        <source>This kiosk has no camera: use the scanner or search by name or EAN</source>
        <translation>Den här kiosken har ingen kamera: använd skannern eller sök på namn eller EAN</translation>
    </message>
    <message>
        <source>Staff have been called: someone is on the way to %1</source>
        <translation>Personalen är tillkallad: någon är på väg till %1</translation>
    </message>
    <message numerus="yes">
        <source>Are you still there? The kiosk starts over in %n second(s)</source>
        <translation>
            <numerusform>Är du kvar? Om %n sekund börjar kiosken om</numerusform>
            <numerusform>Är du kvar? Om %n sekunder börjar kiosken om</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelsPage</name>
    <message>
        <source>Shelf labels: price, comparison price, campaign, EAN and QR</source>
        <translation>Hyllkanter: pris, jämförpris, kampanj, EAN och QR</translation>
    </message>
    <message>
        <source>Scan or type SKU or EAN, Enter adds (Ctrl+F)</source>
        <translation>Skanna eller skriv artikelnr eller EAN, Enter lägger till (Ctrl+F)</translation>
    </message>
    <message>
        <source>Add article</source>
        <translation>Lägg till artikel</translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>Lägg till kategori</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnr</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <source>Comparison price</source>
        <translation>Jämförpris</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampanj</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Tidigare pris</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>No QR address is set ([labels] qr_base, or a central store): these labels will print without a QR code.</source>
        <translation>Ingen QR-adress är inställd ([labels] qr_base eller ett centralsystem): de här etiketterna skrivs ut utan QR-kod.</translation>
    </message>
    <message>
        <source>Add changed prices</source>
        <translation>Lägg till prisändrade</translation>
    </message>
    <message>
        <source>Prices changed since</source>
        <translation>Prisändrade sedan</translation>
    </message>
    <message>
        <source>Filter: SKU, article, campaign…</source>
        <translation>Filtrera: artikelnr, artikel, kampanj…</translation>
    </message>
    <message>
        <source>+1 copy (+)</source>
        <translation>+1 ex (+)</translation>
    </message>
    <message>
        <source>−1 copy (-)</source>
        <translation>−1 ex (-)</translation>
    </message>
    <message>
        <source>Remove (Del)</source>
        <translation>Ta bort (Del)</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Töm listan</translation>
    </message>
    <message>
        <source>Start at place</source>
        <translation>Börja på plats</translation>
    </message>
    <message>
        <source>Print on receipt printer (Ctrl+P)</source>
        <translation>Skriv ut på kvittoskrivaren (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save A4 sheet as PDF… (Ctrl+S)</source>
        <translation>Spara A4-ark som PDF… (Ctrl+S)</translation>
    </message>
    <message>
        <source>Print A4 sheet… (Ctrl+Shift+P)</source>
        <translation>Skriv ut A4-ark… (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Shelf labels</source>
        <translation>Hyllkanter</translation>
    </message>
    <message>
        <source> /kg</source>
        <translation> /kg</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>t.o.m. %1</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) to print</source>
        <translation>
            <numerusform>%n etikett att skriva ut</numerusform>
            <numerusform>%n etiketter att skriva ut</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) added.</source>
        <translation>
            <numerusform>%n etikett tillagd.</numerusform>
            <numerusform>%n etiketter tillagda.</numerusform>
        </translation>
    </message>
    <message>
        <source>Already in the list.</source>
        <translation>Finns redan i listan.</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) printed.</source>
        <translation>
            <numerusform>%n etikett utskriven.</numerusform>
            <numerusform>%n etiketter utskrivna.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the label sheet</source>
        <translation>Spara etikettarket</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s) saved: %1</source>
        <translation>
            <numerusform>%n ark sparat: %1</numerusform>
            <numerusform>%n ark sparade: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Print the label sheet</source>
        <translation>Skriv ut etikettarket</translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s) sent to the printer.</source>
        <translation>
            <numerusform>%n ark skickat till skrivaren.</numerusform>
            <numerusform>%n ark skickade till skrivaren.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Who is working?</source>
        <translation>Vem arbetar?</translation>
    </message>
    <message>
        <source>Choose your name, then enter your PIN.</source>
        <translation>Välj ditt namn och slå din PIN-kod.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN-kod</translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation>Välj ditt namn först.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Kontrollerar…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>omnipos – till %1</source>
        <translation>omnipos – kassa %1</translation>
    </message>
    <message>
        <source>Register %1</source>
        <translation>Kassa %1</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbetar…</translation>
    </message>
    <message>
        <source>Printer: …</source>
        <translation>Skrivare: …</translation>
    </message>
    <message>
        <source>The sale in progress was parked as #%1; resume it with F8.</source>
        <translation>Pågående köp parkerades som nr %1; återuppta det med F8.</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>Inte inloggad</translation>
    </message>
    <message>
        <source>Logged in: %1</source>
        <translation>Inloggad: %1</translation>
    </message>
    <message>
        <source>No shift open</source>
        <translation>Inget skift öppet</translation>
    </message>
    <message>
        <source>Shift %1 since %2</source>
        <translation>Skift %1 sedan %2</translation>
    </message>
    <message>
        <source>receipt printer</source>
        <translation>kvittoskrivaren</translation>
    </message>
    <message>
        <source>Printer: status unknown</source>
        <translation>Skrivare: status okänd</translation>
    </message>
    <message>
        <source>Printer: ready</source>
        <translation>Skrivare: redo</translation>
    </message>
    <message>
        <source>Printer: not answering</source>
        <translation>Skrivare: svarar inte</translation>
    </message>
    <message>
        <source>Printer: paper low</source>
        <translation>Skrivare: pappret tar snart slut</translation>
    </message>
    <message>
        <source>Printer: offline</source>
        <translation>Skrivare: offline</translation>
    </message>
    <message>
        <source>Printer: paper out</source>
        <translation>Skrivare: slut på papper</translation>
    </message>
    <message>
        <source>Printer: cover open</source>
        <translation>Skrivare: luckan är öppen</translation>
    </message>
    <message>
        <source>Central store: all sales sent</source>
        <translation>Centralsystem: alla köp skickade</translation>
    </message>
    <message>
        <source>Central store: %1 to check (sync status)</source>
        <translation>Centralsystem: %1 att kontrollera (sync status)</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 väntar</translation>
    </message>
    <message>
        <source>Central store: %1 sale(s) waiting, not reachable</source>
        <translation>Centralsystem: %1 köp väntar, når det inte</translation>
    </message>
    <message>
        <source>Central store: %1 sale(s) waiting</source>
        <translation>Centralsystem: %1 köp väntar</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Något gick fel</translation>
    </message>
    <message>
        <source>The till hit an unexpected error. The sale in progress is saved. If it happens again, call support.

%1</source>
        <translation>Kassan stötte på ett oväntat fel. Pågående köp är sparat. Ring supporten om det händer igen.

%1</translation>
    </message>
</context>
<context>
    <name>MobilePanel</name>
    <message>
        <source>QR code for the customer to scan (Enter)</source>
        <translation>QR-kod som kunden skannar (Enter)</translation>
    </message>
    <message>
        <source>Or send the request to the customer&apos;s phone:</source>
        <translation>Eller skicka begäran till kundens telefon:</translation>
    </message>
    <message>
        <source>Mobile number, e.g. 070-123 45 67</source>
        <translation>Mobilnummer, t.ex. 070-123 45 67</translation>
    </message>
    <message>
        <source>Send to the phone (F6)</source>
        <translation>Skicka till telefonen (F6)</translation>
    </message>
    <message>
        <source>Back to the payment (Esc)</source>
        <translation>Tillbaka till betalningen (Esc)</translation>
    </message>
    <message>
        <source>Cancel the Swish payment (Esc)</source>
        <translation>Avbryt Swish-betalningen (Esc)</translation>
    </message>
    <message>
        <source>%1 %2 kr</source>
        <translation>%1 %2 kr</translation>
    </message>
    <message>
        <source>Sending to %1…</source>
        <translation>Skickar till %1…</translation>
    </message>
    <message>
        <source>Scan with the Swish app: %1 kr</source>
        <translation>Skanna med Swish-appen: %1 kr</translation>
    </message>
    <message>
        <source>The QR code is on the customer display too. This screen waits for the customer&apos;s answer.</source>
        <translation>QR-koden visas även på kundskärmen. Den här skärmen väntar på kundens svar.</translation>
    </message>
    <message>
        <source>Sent to %1: %2 kr</source>
        <translation>Skickad till %1: %2 kr</translation>
    </message>
    <message>
        <source>The customer approves it in the Swish app on their phone. This screen waits for the answer.</source>
        <translation>Kunden godkänner den i Swish-appen i sin telefon. Den här skärmen väntar på svaret.</translation>
    </message>
    <message>
        <source>Cancelling the Swish payment…</source>
        <translation>Avbryter Swish-betalningen…</translation>
    </message>
</context>
<context>
    <name>NewStaffDialog</name>
    <message>
        <source>New staff member</source>
        <translation>Ny anställd</translation>
    </message>
    <message>
        <source>Who logs in at the tills and, as a manager, here. The PIN is stored only as a hash.</source>
        <translation>Den som loggar in i kassorna och, som chef, här. PIN-koden sparas bara som en hash.</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kassör</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Chef</translation>
    </message>
    <message>
        <source>Login id</source>
        <translation>Inloggnings-id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Lägg till</translation>
    </message>
    <message>
        <source>Give a login id.</source>
        <translation>Ange ett inloggnings-id.</translation>
    </message>
    <message>
        <source>Give the name.</source>
        <translation>Ange namnet.</translation>
    </message>
</context>
<context>
    <name>NoReceiptDialog</name>
    <message>
        <source>Return without receipt</source>
        <translation>Retur utan kvitto</translation>
    </message>
    <message>
        <source>A manager approves it. The refund is at most what the article costs today.</source>
        <translation>En chef godkänner den. Återbetalningen är högst vad artikeln kostar i dag.</translation>
    </message>
    <message>
        <source>Scan the article, or type its name or code</source>
        <translation>Skanna artikeln, eller skriv dess namn eller kod</translation>
    </message>
    <message>
        <source>No article chosen yet.</source>
        <translation>Ingen artikel vald än.</translation>
    </message>
    <message>
        <source>Back to stock</source>
        <translation>Tillbaka i lager</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
    <message>
        <source>Return, a manager approves (Enter)</source>
        <translation>Returnera, chef godkänner (Enter)</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Söker…</translation>
    </message>
    <message>
        <source>Scan or find the article first.</source>
        <translation>Skanna eller sök fram artikeln först.</translation>
    </message>
    <message>
        <source>A manager approves…</source>
        <translation>En chef godkänner…</translation>
    </message>
    <message>
        <source>Choose the article (Enter)</source>
        <translation>Välj artikeln (Enter)</translation>
    </message>
    <message>
        <source>No article is called that.</source>
        <translation>Ingen artikel heter så.</translation>
    </message>
    <message>
        <source>%1 – %2 kr today</source>
        <translation>%1 – %2 kr i dag</translation>
    </message>
    <message>
        <source>How many, and why? Then Enter.</source>
        <translation>Hur många, och varför? Sedan Enter.</translation>
    </message>
    <message>
        <source>Refund at most %1 kr</source>
        <translation>Återbetala högst %1 kr</translation>
    </message>
</context>
<context>
    <name>NoSaleDialog</name>
    <message>
        <source>Change for a customer</source>
        <translation>Växla åt en kund</translation>
    </message>
    <message>
        <source>Checking the drawer</source>
        <translation>Kontroll av kassalådan</translation>
    </message>
    <message>
        <source>Correcting a mistake</source>
        <translation>Rätta ett misstag</translation>
    </message>
    <message>
        <source>Open drawer</source>
        <translation>Öppna lådan</translation>
    </message>
    <message>
        <source>Why open the drawer without a sale?</source>
        <translation>Varför öppna lådan utan köp?</translation>
    </message>
    <message>
        <source>Or type the reason</source>
        <translation>Eller skriv orsaken</translation>
    </message>
    <message>
        <source>Open the drawer (Enter)</source>
        <translation>Öppna lådan (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
    <message>
        <source>Choose or type a reason</source>
        <translation>Välj eller skriv en orsak</translation>
    </message>
</context>
<context>
    <name>NotSalesTile</name>
    <message>
        <source>Not sales</source>
        <translation>Ej försäljning</translation>
    </message>
    <message>
        <source>Taken at the tills but no sales: invoices paid and gift cards sold. The drawers and terminals hold them beside the sales.</source>
        <translation>Taget i kassorna men ingen försäljning: betalda fakturor och sålda presentkort. Lådorna och terminalerna har dem utöver försäljningen.</translation>
    </message>
    <message>
        <source>invoices %1, gift cards %2</source>
        <translation>fakturor %1, presentkort %2</translation>
    </message>
</context>
<context>
    <name>NumberDialog</name>
    <message>
        <source>Enter a whole number</source>
        <translation>Ange ett heltal</translation>
    </message>
</context>
<context>
    <name>Numpad</name>
    <message>
        <source>Delete the last character</source>
        <translation>Radera sista tecknet</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>Clear the field</source>
        <translation>Töm fältet</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>Space</source>
        <translation>Mellanslag</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Rensa</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Sök</translation>
    </message>
</context>
<context>
    <name>OpenInvoicesDialog</name>
    <message>
        <source>Open invoices</source>
        <translation>Obetalda fakturor</translation>
    </message>
    <message>
        <source>Another customer: phone, e-mail or name</source>
        <translation>En annan kund: telefon, e-post eller namn</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Faktura</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Förfallodatum</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Att betala</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pay the chosen invoice (Enter)</source>
        <translation>Betala den valda fakturan (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Stäng (Esc)</translation>
    </message>
    <message>
        <source>The sale has no customer: search for one.</source>
        <translation>Försäljningen har ingen kund: sök efter en.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Söker…</translation>
    </message>
    <message>
        <source>Choose the customer (Enter).</source>
        <translation>Välj kunden (Enter).</translation>
    </message>
    <message>
        <source>No customer found.</source>
        <translation>Ingen kund hittades.</translation>
    </message>
    <message>
        <source>Open invoices: %1</source>
        <translation>Obetalda fakturor: %1</translation>
    </message>
    <message>
        <source>Looking the invoices up…</source>
        <translation>Söker fakturorna…</translation>
    </message>
    <message>
        <source>open</source>
        <translation>obetald</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>förfallen</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>betald</translation>
    </message>
    <message numerus="yes">
        <source>%n open invoice(s), %1 in all.</source>
        <translation>
            <numerusform>%n obetald faktura, %1 totalt.</numerusform>
            <numerusform>%n obetalda fakturor, %1 totalt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue.</source>
        <translation>
            <numerusform>%n förfallen.</numerusform>
            <numerusform>%n förfallna.</numerusform>
        </translation>
    </message>
    <message>
        <source>The central store cannot be reached: only this till&apos;s own invoices are shown.</source>
        <translation>Centralsystemet nås inte: bara den här kassans egna fakturor visas.</translation>
    </message>
    <message>
        <source>%1 has no open invoices.</source>
        <translation>%1 har inga obetalda fakturor.</translation>
    </message>
</context>
<context>
    <name>OrderDetailDialog</name>
    <message>
        <source>Close (Esc)</source>
        <translation>Stäng (Esc)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Hämtar…</translation>
    </message>
    <message>
        <source>Web order #%1</source>
        <translation>Webborder #%1</translation>
    </message>
    <message>
        <source>Ship-to-home order %1</source>
        <translation>Hemleveransorder %1</translation>
    </message>
    <message>
        <source>Return %1 %2</source>
        <translation>Retur %1 %2</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>Inga än.</translation>
    </message>
    <message>
        <source>No journal entries name this order.</source>
        <translation>Inga journalposter nämner den här ordern.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Betalning</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>Sent from</source>
        <translation>Skickas från</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Ankom</translation>
    </message>
    <message>
        <source>Customer told</source>
        <translation>Kunden meddelad</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Hämtad</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Rader</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnr</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Belopp</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Kvitto</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kassör</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Väntas</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Leverans</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>Köp</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Återbetalt</translation>
    </message>
    <message>
        <source>Central status</source>
        <translation>Central status</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Senaste fel</translation>
    </message>
    <message>
        <source>Lines (this store&apos;s receipt)</source>
        <translation>Rader (butikens kvitto)</translation>
    </message>
    <message>
        <source>Payments at the till</source>
        <translation>Betalningar i kassan</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Betalsätt</translation>
    </message>
    <message>
        <source>Lines (central order)</source>
        <translation>Rader (central order)</translation>
    </message>
    <message>
        <source>Payments (central order)</source>
        <translation>Betalningar (central order)</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Leverantör</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Dragen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>Fulfilments</source>
        <translation>Leveranser</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Skickad</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Levererad</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Spårning</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Kassa</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Parcel received</source>
        <translation>Paket mottaget</translation>
    </message>
    <message>
        <source>Customer told again</source>
        <translation>Kunden meddelad igen</translation>
    </message>
    <message>
        <source>Taken into a sale</source>
        <translation>Lagd i ett köp</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Utlämnad</translation>
    </message>
</context>
<context>
    <name>OrderView</name>
    <message>
        <source>Order for delivery</source>
        <translation>Beställ för leverans</translation>
    </message>
    <message>
        <source>Finding where it is in stock…</source>
        <translation>Letar var den finns i lager…</translation>
    </message>
    <message>
        <source>Send it to my home (F5)</source>
        <translation>Skicka hem till mig (F5)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>Gatuadress</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Phone or e-mail</source>
        <translation>Telefon eller e-post</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nästa</translation>
    </message>
    <message>
        <source>Pay here by card (F7)</source>
        <translation>Betala här med kort (F7)</translation>
    </message>
    <message>
        <source>Pay at a till (F8)</source>
        <translation>Betala i en kassa (F8)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Back to the cart</source>
        <translation>Tillbaka till varukorgen</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s), %1</source>
        <translation>
            <numerusform>%n vara, %1</numerusform>
            <numerusform>%n varor, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose how you want it</source>
        <translation>Välj hur du vill få den</translation>
    </message>
    <message>
        <source>Send it to my home from %1 (F5)</source>
        <translation>Skicka hem till mig från %1 (F5)</translation>
    </message>
    <message>
        <source>No store or warehouse can send all of it now</source>
        <translation>Ingen butik eller lager kan skicka allt just nu</translation>
    </message>
    <message>
        <source>Pick it up in %1 (%2 km)</source>
        <translation>Hämta i %1 (%2 km)</translation>
    </message>
    <message>
        <source>Collected by %1 in %2</source>
        <translation>Hämtas av %1 i %2</translation>
    </message>
    <message>
        <source>Sent to %1</source>
        <translation>Skickas till %1</translation>
    </message>
    <message>
        <source>To pay %1, of which shipping %2</source>
        <translation>Att betala %1, varav frakt %2</translation>
    </message>
    <message>
        <source>To pay %1, no shipping price</source>
        <translation>Att betala %1, ingen frakt</translation>
    </message>
    <message>
        <source>This kiosk takes no cards: pay at a till</source>
        <translation>Den här kiosken tar inte kort: betala i en kassa</translation>
    </message>
    <message>
        <source>Follow the card terminal…</source>
        <translation>Följ instruktionerna på kortterminalen…</translation>
    </message>
    <message>
        <source>Thank you! Order %1 is paid. Scan the code for your receipt.</source>
        <translation>Tack! Beställning %1 är betald. Skanna koden för ditt kvitto.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <source>Show this code at a till and pay there: the order is placed when it is paid</source>
        <translation>Visa koden i en kassa och betala där: beställningen läggs när den är betald</translation>
    </message>
    <message numerus="yes">
        <source>This screen closes in %n second(s): tap Done when you are ready</source>
        <translation>
            <numerusform>Skärmen stängs om %n sekund: tryck Klar när du är klar</numerusform>
            <numerusform>Skärmen stängs om %n sekunder: tryck Klar när du är klar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Order, customer or receipt (Ctrl+F)</source>
        <translation>Order, kund eller kvitto (Ctrl+F)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Central store: not asked yet</source>
        <translation>Centralsystemet: inte tillfrågat än</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Beställd</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artiklar</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betald</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Ankom</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Såld</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Kvitto</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kassör</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Belopp</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returnerad</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>Köp</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Återbetalt</translation>
    </message>
    <message>
        <source>Central status</source>
        <translation>Central status</translation>
    </message>
    <message>
        <source>Pickups</source>
        <translation>Upphämtningar</translation>
    </message>
    <message>
        <source>Ship-to-home</source>
        <translation>Hemleverans</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Returer</translation>
    </message>
    <message>
        <source>Mark arrived (Ctrl+M)</source>
        <translation>Markera ankommen (Ctrl+M)</translation>
    </message>
    <message>
        <source>Send notice again (Ctrl+N)</source>
        <translation>Meddela kunden igen (Ctrl+N)</translation>
    </message>
    <message>
        <source>Show on the Sync page (Ctrl+Y)</source>
        <translation>Visa på Synk-sidan (Ctrl+Y)</translation>
    </message>
    <message>
        <source>Details (Enter)</source>
        <translation>Detaljer (Enter)</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Ordrar</translation>
    </message>
    <message>
        <source>On the way</source>
        <translation>På väg</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Hämtad</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Ej skickad</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Skickad</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Levererad</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Begärd</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Mottagen</translation>
    </message>
    <message>
        <source>Being picked</source>
        <translation>Plockas</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Avbruten</translation>
    </message>
    <message>
        <source>Pay in store</source>
        <translation>Betalas i butik</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Ej betald</translation>
    </message>
    <message>
        <source>Awaiting payment</source>
        <translation>Väntar på betalning</translation>
    </message>
    <message>
        <source>Authorised</source>
        <translation>Reserverad</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>Delvis betald</translation>
    </message>
    <message>
        <source>Partly refunded</source>
        <translation>Delvis återbetald</translation>
    </message>
    <message>
        <source>Needs action</source>
        <translation>Kräver åtgärd</translation>
    </message>
    <message>
        <source>Received, refunded</source>
        <translation>Mottagen, återbetald</translation>
    </message>
    <message>
        <source>All</source>
        <comment>filter</comment>
        <translation>Alla</translation>
    </message>
    <message>
        <source>Not collected</source>
        <comment>filter</comment>
        <translation>Ej hämtade</translation>
    </message>
    <message>
        <source>On the way</source>
        <comment>filter</comment>
        <translation>På väg</translation>
    </message>
    <message>
        <source>Arrived here</source>
        <comment>filter</comment>
        <translation>Ankomna hit</translation>
    </message>
    <message>
        <source>Overdue</source>
        <comment>filter</comment>
        <translation>Försenade</translation>
    </message>
    <message>
        <source>Collected</source>
        <comment>filter</comment>
        <translation>Hämtade</translation>
    </message>
    <message>
        <source>Not in the central store yet</source>
        <comment>filter</comment>
        <translation>Inte i centralsystemet än</translation>
    </message>
    <message>
        <source>Not sent</source>
        <comment>filter</comment>
        <translation>Ej skickade</translation>
    </message>
    <message>
        <source>Shipped</source>
        <comment>filter</comment>
        <translation>Skickade</translation>
    </message>
    <message>
        <source>Delivered</source>
        <comment>filter</comment>
        <translation>Levererade</translation>
    </message>
    <message>
        <source>Requested</source>
        <comment>filter</comment>
        <translation>Begärda</translation>
    </message>
    <message>
        <source>Received</source>
        <comment>filter</comment>
        <translation>Mottagna</translation>
    </message>
    <message>
        <source>Refunded</source>
        <comment>filter</comment>
        <translation>Återbetalda</translation>
    </message>
    <message>
        <source>Arrived, not told</source>
        <translation>Ankommen, ej meddelad</translation>
    </message>
    <message>
        <source>Customer told</source>
        <translation>Kunden meddelad</translation>
    </message>
    <message numerus="yes">
        <source>Overdue: %n day(s)</source>
        <translation>
            <numerusform>Försenad: %n dag</numerusform>
            <numerusform>Försenad: %n dagar</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent yet: waiting</source>
        <translation>Ej skickad än: väntar</translation>
    </message>
    <message>
        <source>Not sent yet: failed, retrying</source>
        <translation>Ej skickad än: misslyckades, försöker igen</translation>
    </message>
    <message>
        <source>Not sent: set aside (Sync)</source>
        <translation>Ej skickad: lagd åt sidan (Synk)</translation>
    </message>
    <message>
        <source>Never queued</source>
        <translation>Aldrig köad</translation>
    </message>
    <message>
        <source>No central store here</source>
        <translation>Inget centralsystem här</translation>
    </message>
    <message>
        <source>Asking the central store…</source>
        <translation>Frågar centralsystemet…</translation>
    </message>
    <message>
        <source>Central status unknown (offline)</source>
        <translation>Central status okänd (offline)</translation>
    </message>
    <message>
        <source>Not found in the central store</source>
        <translation>Finns inte i centralsystemet</translation>
    </message>
    <message>
        <source>tracking %1</source>
        <translation>spårning %1</translation>
    </message>
    <message>
        <source>web #%1</source>
        <translation>webb #%1</translation>
    </message>
    <message>
        <source>no receipt</source>
        <translation>utan kvitto</translation>
    </message>
    <message>
        <source>Nothing to tell the central store</source>
        <translation>Inget att meddela centralsystemet</translation>
    </message>
    <message>
        <source>%1 of %2 refunded centrally</source>
        <translation>%1 av %2 återbetalt centralt</translation>
    </message>
    <message>
        <source>Central store: asking…</source>
        <translation>Centralsystemet: frågar…</translation>
    </message>
    <message>
        <source>Central store: none configured: only what this store recorded is shown.</source>
        <translation>Centralsystemet: inget inställt: bara det butiken själv registrerat visas.</translation>
    </message>
    <message>
        <source>Central store: status as of %1.</source>
        <translation>Centralsystemet: status kl. %1.</translation>
    </message>
    <message>
        <source>Central store offline (at %1): central status unknown; what this store recorded is shown.</source>
        <translation>Centralsystemet offline (kl. %1): central status okänd; det butiken själv registrerat visas.</translation>
    </message>
    <message>
        <source>Pickups (%1, %2 overdue)</source>
        <translation>Upphämtningar (%1, %2 försenade)</translation>
    </message>
    <message>
        <source>Pickups (%1)</source>
        <translation>Upphämtningar (%1)</translation>
    </message>
    <message>
        <source>Ship-to-home (%1)</source>
        <translation>Hemleverans (%1)</translation>
    </message>
    <message>
        <source>Returns (%1)</source>
        <translation>Returer (%1)</translation>
    </message>
    <message>
        <source>Pickup orders live in the central store: none can be listed while it is offline.</source>
        <translation>Upphämtningsordrar finns i centralsystemet: inga kan visas medan det är offline.</translation>
    </message>
    <message>
        <source>Pickup orders need a central store.</source>
        <translation>Upphämtningsordrar kräver ett centralsystem.</translation>
    </message>
    <message>
        <source>Order #%1 marked arrived.</source>
        <translation>Order #%1 markerad som ankommen.</translation>
    </message>
    <message>
        <source>The customer of order #%1 was told again.</source>
        <translation>Kunden till order #%1 har meddelats igen.</translation>
    </message>
</context>
<context>
    <name>OutboxKinds</name>
    <message>
        <source>Sale to the central store</source>
        <translation>Försäljning till centralsystemet</translation>
    </message>
    <message>
        <source>Ship-to-home order</source>
        <translation>Hemleveransorder</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retur</translation>
    </message>
    <message>
        <source>Pickup handed over</source>
        <translation>Upphämtning utlämnad</translation>
    </message>
    <message>
        <source>Invoice paid</source>
        <translation>Faktura betald</translation>
    </message>
    <message>
        <source>Invoice e-mail</source>
        <translation>Faktura via e-post</translation>
    </message>
    <message>
        <source>Receipt e-mail</source>
        <translation>Kvitto via e-post</translation>
    </message>
    <message>
        <source>Gift card issued</source>
        <translation>Presentkort utfärdat</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Tillgodo</translation>
    </message>
    <message>
        <source>Stock count difference</source>
        <translation>Inventeringsdifferens</translation>
    </message>
    <message>
        <source>Transfer received</source>
        <translation>Överföring mottagen</translation>
    </message>
</context>
<context>
    <name>ParkedDialog</name>
    <message>
        <source>Parked sales</source>
        <translation>Parkerade köp</translation>
    </message>
    <message>
        <source>Resume a parked sale</source>
        <translation>Återuppta ett parkerat köp</translation>
    </message>
    <message>
        <source>#%1  %2  %3 pcs  %4 kr  by %5</source>
        <translation>Nr %1  %2  %3 st  %4 kr  av %5</translation>
    </message>
    <message>
        <source>parked at log-out</source>
        <translation>parkerat vid utloggning</translation>
    </message>
    <message>
        <source>No parked sales on this register.</source>
        <translation>Inga parkerade köp i den här kassan.</translation>
    </message>
    <message>
        <source>Resume (Enter)</source>
        <translation>Återuppta (Enter)</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Tillbaka (Esc)</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment</source>
        <translation>Betalning</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betalt</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Kvar att betala</translation>
    </message>
    <message>
        <source>Cash due (rounded)</source>
        <translation>Kontant att betala (avrundat)</translation>
    </message>
    <message>
        <source>Tenders taken</source>
        <translation>Mottagna betalningar</translation>
    </message>
    <message>
        <source>Take back the chosen payment (Del)</source>
        <translation>Ta tillbaka vald betalning (Del)</translation>
    </message>
    <message>
        <source>Complete the sale again (Enter)</source>
        <translation>Slutför köpet igen (Enter)</translation>
    </message>
    <message>
        <source>Amount (kr)</source>
        <translation>Belopp (kr)</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Jämnt</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Card (F4)</source>
        <translation>Kort (F4)</translation>
    </message>
    <message>
        <source>Cash (Enter)</source>
        <translation>Kontant (Enter)</translation>
    </message>
    <message>
        <source>%1 (F5)</source>
        <translation>%1 (F5)</translation>
    </message>
    <message>
        <source>Back to the sale (Esc)</source>
        <translation>Tillbaka till köpet (Esc)</translation>
    </message>
    <message>
        <source>Follow the terminal…</source>
        <translation>Följ instruktionerna på terminalen…</translation>
    </message>
    <message>
        <source>The customer pays on the card terminal. This screen waits for its answer.</source>
        <translation>Kunden betalar på kortterminalen. Skärmen väntar på svaret.</translation>
    </message>
    <message>
        <source>Cancel card payment</source>
        <translation>Avbryt kortbetalningen</translation>
    </message>
    <message>
        <source>Change</source>
        <comment>money handed back to the customer</comment>
        <translation>Växel</translation>
    </message>
    <message>
        <source>New sale (Enter)</source>
        <translation>Nytt köp (Enter)</translation>
    </message>
    <message>
        <source>Nothing paid yet. Pay all or part by card or cash.</source>
        <translation>Inget betalt än. Betala allt eller en del med kort eller kontant.</translation>
    </message>
    <message>
        <source>The sale is paid but not stored yet. Complete it again, or take a payment back.</source>
        <translation>Köpet är betalt men inte sparat än. Slutför det igen, eller ta tillbaka en betalning.</translation>
    </message>
    <message>
        <source>Cash %1 kr (received %2, change %3)</source>
        <translation>Kontant %1 kr (mottaget %2, växel %3)</translation>
    </message>
    <message>
        <source>Card %1 kr %2</source>
        <translation>Kort %1 kr %2</translation>
    </message>
    <message>
        <source>%1 %2 kr</source>
        <translation>%1 %2 kr</translation>
    </message>
    <message>
        <source>At most %1 kr in cash for this sale</source>
        <translation>Högst %1 kr kontant för det här köpet</translation>
    </message>
    <message>
        <source>Cash…</source>
        <translation>Kontant…</translation>
    </message>
    <message>
        <source>Card payment of %1 kr sent to the terminal</source>
        <translation>Kortbetalning på %1 kr skickad till terminalen</translation>
    </message>
    <message>
        <source>Giving back %1 kr on the terminal…</source>
        <translation>Återbetalar %1 kr på terminalen…</translation>
    </message>
    <message>
        <source>Hand back %1 kr to the customer.</source>
        <translation>Ge tillbaka %1 kr till kunden.</translation>
    </message>
    <message>
        <source>Completing the sale…</source>
        <translation>Slutför köpet…</translation>
    </message>
    <message>
        <source>Cancelling on the terminal…</source>
        <translation>Avbryter på terminalen…</translation>
    </message>
    <message>
        <source>Receipt %1 – printing…</source>
        <translation>Kvitto %1 – skrivs ut…</translation>
    </message>
    <message>
        <source>Paid. Thank you!</source>
        <translation>Betalt. Tack!</translation>
    </message>
    <message>
        <source>Receipt %1 printed.</source>
        <translation>Kvitto %1 utskrivet.</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Kvitto %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>PickupDialog</name>
    <message>
        <source>Web orders for pickup</source>
        <translation>Webbordrar att hämta</translation>
    </message>
    <message>
        <source>Web orders to be collected in this store</source>
        <translation>Webbordrar som hämtas i den här butiken</translation>
    </message>
    <message>
        <source>Order number, or scan the order&apos;s QR code</source>
        <translation>Ordernummer, eller skanna orderns QR-kod</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Uppdatera (F5)</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Betalning</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Belopp</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artiklar</translation>
    </message>
    <message>
        <source>Received here
Ctrl+R</source>
        <translation>Mottagen här
Ctrl+R</translation>
    </message>
    <message>
        <source>Pay at the till
Ctrl+P</source>
        <translation>Betala i kassan
Ctrl+P</translation>
    </message>
    <message>
        <source>Hand over (paid)
Ctrl+H</source>
        <translation>Lämna ut (betald)
Ctrl+H</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Stäng (Esc)</translation>
    </message>
    <message>
        <source>Asking the central store…</source>
        <translation>Frågar den centrala butiken…</translation>
    </message>
    <message>
        <source>Type the order&apos;s number or scan its QR code</source>
        <translation>Skriv orderns nummer eller skanna dess QR-kod</translation>
    </message>
    <message>
        <source>Looking for the order…</source>
        <translation>Letar efter ordern…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbetar…</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betald</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>Att betala</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n ordrar</numerusform>
        </translation>
    </message>
    <message>
        <source>No web orders to be collected here.</source>
        <translation>Inga webbordrar att hämta här.</translation>
    </message>
    <message>
        <source>Order #%1: %2</source>
        <translation>Order #%1: %2</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Beställd</translation>
    </message>
    <message>
        <source>On its way from %1</source>
        <translation>På väg från %1</translation>
    </message>
    <message>
        <source>Arrived (customer not told)</source>
        <translation>Ankommen (kunden ej meddelad)</translation>
    </message>
    <message>
        <source>Ready for pickup</source>
        <translation>Klar att hämta</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Hämtad</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Avbruten</translation>
    </message>
    <message>
        <source>the web warehouse</source>
        <translation>webblagret</translation>
    </message>
    <message>
        <source>Göteborg</source>
        <translation>Göteborg</translation>
    </message>
    <message>
        <source>Stockholm</source>
        <translation>Stockholm</translation>
    </message>
    <message>
        <source>Order #%1 received: %2</source>
        <translation>Order #%1 mottagen: %2</translation>
    </message>
    <message>
        <source>Order #%1 handed over</source>
        <translation>Order #%1 utlämnad</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>New PIN</source>
        <translation>Ny PIN-kod</translation>
    </message>
    <message>
        <source>A new PIN for %1 (4 to 8 digits). It also lifts a lockout.</source>
        <translation>En ny PIN-kod för %1 (4 till 8 siffror). Den häver också en spärr.</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Igen</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>Spara PIN-kod</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>En PIN-kod är 4 till 8 siffror.</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>De två PIN-koderna skiljer sig åt.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>PIN</source>
        <translation>PIN-kod</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Rensa</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>Receipt printer (preview)</source>
        <translation>Kvittoskrivare (förhandsvisning)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>PreviewPrinterWindow</name>
    <message>
        <source>Receipt printer (preview)</source>
        <translation>Kvittoskrivare (förhandsvisning)</translation>
    </message>
</context>
<context>
    <name>ProductView</name>
    <message>
        <source>← Back</source>
        <translation>← Tillbaka</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Storlek</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Färg</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>I lager</translation>
    </message>
    <message>
        <source>Asking the stores…</source>
        <translation>Frågar butikerna…</translation>
    </message>
    <message>
        <source>Add to cart</source>
        <translation>Lägg i varukorgen</translation>
    </message>
    <message>
        <source>You may also like</source>
        <translation>Du kanske också gillar</translation>
    </message>
    <message>
        <source>%1: you save %2</source>
        <translation>%1: du sparar %2</translation>
    </message>
    <message>
        <source>Here (%1)</source>
        <translation>Här (%1)</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Webben</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n in stock</source>
        <translation>
            <numerusform>%1: %n st i lager</numerusform>
            <numerusform>%1: %n st i lager</numerusform>
        </translation>
    </message>
    <message>
        <source>(as last synced; the central store cannot be asked now)</source>
        <translation>(enligt senaste synkningen; centralsystemet kan inte nås just nu)</translation>
    </message>
    <message>
        <source>No stock figures yet</source>
        <translation>Inga lagersiffror än</translation>
    </message>
    <message>
        <source>Nearest other store with it: %1, %2 km</source>
        <translation>Närmaste andra butik som har den: %1, %2 km</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Ingen bild</translation>
    </message>
    <message>
        <source>Not here: order it home or to another store</source>
        <translation>Finns inte här: beställ hem eller till en annan butik</translation>
    </message>
</context>
<context>
    <name>PromoCodeDialog</name>
    <message>
        <source>Promotion code</source>
        <translation>Kampanjkod</translation>
    </message>
    <message>
        <source>The customer&apos;s promotion code (type or scan it)</source>
        <translation>Kundens kampanjkod (skriv eller skanna)</translation>
    </message>
    <message>
        <source>e.g. HOST10</source>
        <translation>t.ex. HOST10</translation>
    </message>
    <message>
        <source>Add code</source>
        <translation>Lägg till kod</translation>
    </message>
    <message>
        <source>Codes on this sale</source>
        <translation>Koder på köpet</translation>
    </message>
    <message>
        <source>Remove code</source>
        <translation>Ta bort kod</translation>
    </message>
    <message>
        <source>%1   -%2 kr</source>
        <translation>%1   -%2 kr</translation>
    </message>
    <message>
        <source>%1   nothing on these articles yet</source>
        <translation>%1   ger inget på de här varorna än</translation>
    </message>
    <message>
        <source>No codes yet</source>
        <translation>Inga koder än</translation>
    </message>
    <message>
        <source>Type a promotion code</source>
        <translation>Skriv en kampanjkod</translation>
    </message>
</context>
<context>
    <name>ReceiptChoicePanel</name>
    <message>
        <source>Receipt by e-mail</source>
        <translation>Kvitto via e-post</translation>
    </message>
    <message>
        <source>The customer&apos;s e-mail address</source>
        <translation>Kundens e-postadress</translation>
    </message>
    <message>
        <source>E-mail receipt (F8)</source>
        <translation>E-posta kvittot (F8)</translation>
    </message>
    <message>
        <source>Print receipt (F7)</source>
        <translation>Skriv ut kvittot (F7)</translation>
    </message>
    <message>
        <source>Type the customer&apos;s e-mail address and press Enter.</source>
        <translation>Skriv kundens e-postadress och tryck Enter.</translation>
    </message>
    <message>
        <source>That is not an e-mail address: check it and try again.</source>
        <translation>Det är ingen e-postadress: kontrollera den och försök igen.</translation>
    </message>
    <message>
        <source>Queuing the e-mail…</source>
        <translation>Lägger e-postmeddelandet i kö…</translation>
    </message>
    <message>
        <source>Receipt %1 will be e-mailed to %2.</source>
        <translation>Kvitto %1 e-postas till %2.</translation>
    </message>
</context>
<context>
    <name>ReceiptCopyPanel</name>
    <message>
        <source>Scan the receipt&apos;s barcode or type K1 12</source>
        <translation>Skanna kvittots streckkod eller skriv K1 12</translation>
    </message>
    <message>
        <source>Find (Enter)</source>
        <translation>Sök (Enter)</translation>
    </message>
    <message>
        <source>Print copy (Ctrl+K)</source>
        <translation>Skriv ut kopia (Ctrl+K)</translation>
    </message>
    <message>
        <source>Receipt %1 of register %2.</source>
        <translation>Kvitto %1 från kassa %2.</translation>
    </message>
    <message>
        <source>The copy (KOPIA) of receipt %1 is printed; it was its one copy.</source>
        <translation>Kopian (KOPIA) av kvitto %1 är utskriven; det var dess enda kopia.</translation>
    </message>
</context>
<context>
    <name>ReceiptMailDialog</name>
    <message>
        <source>E-mail a receipt</source>
        <translation>E-posta ett kvitto</translation>
    </message>
    <message>
        <source>E-mail a copy of a receipt</source>
        <translation>E-posta en kopia av ett kvitto</translation>
    </message>
    <message>
        <source>The customer&apos;s e-mail address</source>
        <translation>Kundens e-postadress</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Kvittonummer</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-postadress</translation>
    </message>
    <message>
        <source>The e-mail is a copy (KOPIA). It is sent when the mail server answers.</source>
        <translation>E-postmeddelandet är en kopia (KOPIA). Det skickas när e-postservern svarar.</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Skicka (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Stäng (Esc)</translation>
    </message>
    <message>
        <source>Type the receipt&apos;s number.</source>
        <translation>Skriv kvittots nummer.</translation>
    </message>
    <message>
        <source>That is not an e-mail address: check it and try again.</source>
        <translation>Det är ingen e-postadress: kontrollera den och försök igen.</translation>
    </message>
    <message>
        <source>Queuing the e-mail…</source>
        <translation>Lägger e-postmeddelandet i kö…</translation>
    </message>
    <message>
        <source>A copy of receipt %1 will be e-mailed to %2.</source>
        <translation>En kopia av kvitto %1 e-postas till %2.</translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <source>Receipt</source>
        <translation>Kvitto</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Skriv ut</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Stäng (Esc)</translation>
    </message>
</context>
<context>
    <name>ReceivingPanel</name>
    <message>
        <source>Scan a transfer, an article or a parcel&apos;s order</source>
        <translation>Skanna en överföring, en artikel eller ett pakets order</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Uppdatera (F5)</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Överföring</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Skickat</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Filter transfers…</source>
        <translation>Filtrera överföringar…</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnr</translation>
    </message>
    <message>
        <source>Came</source>
        <translation>Kom</translation>
    </message>
    <message>
        <source>Set (Ctrl+S)</source>
        <translation>Ange (Ctrl+S)</translation>
    </message>
    <message>
        <source>All came (Ctrl+A)</source>
        <translation>Allt kom (Ctrl+A)</translation>
    </message>
    <message>
        <source>Receive the transfer (Ctrl+R)</source>
        <translation>Ta emot överföringen (Ctrl+R)</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>On the way</source>
        <translation>På väg</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Inte skickat än</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artiklar</translation>
    </message>
    <message>
        <source>Filter parcels…</source>
        <translation>Filtrera paket…</translation>
    </message>
    <message>
        <source>Parcel arrived (Ctrl+D)</source>
        <translation>Paket ankommet (Ctrl+D)</translation>
    </message>
    <message>
        <source>Transfers on their way here</source>
        <translation>Överföringar på väg hit</translation>
    </message>
    <message>
        <source>Parcels for pickup orders to this store</source>
        <translation>Paket till hämtordrar till den här butiken</translation>
    </message>
    <message>
        <source>Asking the central store…</source>
        <translation>Frågar centralsystemet…</translation>
    </message>
    <message>
        <source>Received, waiting to be sent</source>
        <translation>Mottagen, väntar på att skickas</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Mottagen</translation>
    </message>
    <message>
        <source>Received; the central store refused it (see Sync)</source>
        <translation>Mottagen; centralsystemet avvisade den (se Synk)</translation>
    </message>
    <message>
        <source>No central store is configured: nothing can be received here.</source>
        <translation>Inget centralsystem är inställt: inget kan tas emot här.</translation>
    </message>
    <message>
        <source>%1 transfer(s) and %2 parcel(s) on their way here.</source>
        <translation>%1 överföring(ar) och %2 paket på väg hit.</translation>
    </message>
    <message>
        <source>Transfer %1 was received here; it waits to be sent to the central store (the outbox sends it when it answers).</source>
        <translation>Överföring %1 är mottagen här; den väntar på att skickas till centralsystemet (utkorgen skickar den när det svarar).</translation>
    </message>
    <message>
        <source>Transfer %1 was received here and sent to the central store.</source>
        <translation>Överföring %1 är mottagen här och skickad till centralsystemet.</translation>
    </message>
    <message>
        <source>Transfer %1 was received here, but the central store refused it: see the Sync page.</source>
        <translation>Överföring %1 är mottagen här, men centralsystemet avvisade den: se sidan Synk.</translation>
    </message>
    <message>
        <source>Transfer %1: scan what came.</source>
        <translation>Överföring %1: skanna det som kom.</translation>
    </message>
    <message>
        <source>%1: all %2 sent are counted already.</source>
        <translation>%1: alla %2 som skickades är redan räknade.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 came.</source>
        <translation>%1: %2 av %3 kom.</translation>
    </message>
    <message>
        <source>%1: %2 came, but only %3 were sent.</source>
        <translation>%1: %2 kom, men bara %3 skickades.</translation>
    </message>
    <message>
        <source>Fewer than sent</source>
        <translation>Färre än skickat</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) of transfer %1 did not come. Receive it with the shortfall recorded?</source>
        <translation>
            <numerusform>%n st av överföring %1 kom inte. Ta emot den och registrera bristen?</numerusform>
            <numerusform>%n st av överföring %1 kom inte. Ta emot den och registrera bristen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Transfer %1 received: %2 unit(s) added to this store&apos;s stock; %3 short, recorded.</source>
        <translation>Överföring %1 mottagen: %2 st lagda till butikens lager; %3 saknades, registrerat.</translation>
    </message>
    <message>
        <source>Transfer %1 received: %2 unit(s) added to this store&apos;s stock.</source>
        <translation>Överföring %1 mottagen: %2 st lagda till butikens lager.</translation>
    </message>
    <message>
        <source>Transfer %1 received here; the central store did not take it now: it is sent when it answers (see Sync).</source>
        <translation>Överföring %1 mottagen här; centralsystemet tog inte emot den nu: den skickas när det svarar (se Synk).</translation>
    </message>
    <message>
        <source>Order %1 arrived; the customer was told it is ready.</source>
        <translation>Order %1 ankommen; kunden har fått besked att den är klar.</translation>
    </message>
    <message>
        <source>Order %1 arrived; the customer could not be told yet.</source>
        <translation>Order %1 ankommen; kunden kunde inte meddelas ännu.</translation>
    </message>
</context>
<context>
    <name>RecoveryBar</name>
    <message>
        <source>OK, understood</source>
        <translation>OK, uppfattat</translation>
    </message>
    <message numerus="yes">
        <source>The till was restarted with a sale in progress: it is restored (%n item(s), %1 kr).</source>
        <translation>
            <numerusform>Kassan startades om mitt i ett köp: köpet är återställt (%n vara, %1 kr).</numerusform>
            <numerusform>Kassan startades om mitt i ett köp: köpet är återställt (%n varor, %1 kr).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Receipt(s) %1 never printed.</source>
        <translation>
            <numerusform>Kvitto %1 skrevs aldrig ut.</numerusform>
            <numerusform>Kvitton %1 skrevs aldrig ut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Log in to print them.</source>
        <translation>
            <numerusform>Logga in för att skriva ut det.</numerusform>
            <numerusform>Logga in för att skriva ut dem.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Print %n receipt(s)</source>
        <translation>
            <numerusform>Skriv ut kvittot</numerusform>
            <numerusform>Skriv ut %n kvitton</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printed %n receipt(s): %1.</source>
        <translation>
            <numerusform>Kvitto %1 utskrivet.</numerusform>
            <numerusform>Kvitton %1 utskrivna.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund</source>
        <translation>Återbetala</translation>
    </message>
    <message>
        <source>Refund to the customer</source>
        <translation>Återbetala till kunden</translation>
    </message>
    <message>
        <source>How it goes back</source>
        <translation>Så betalas det tillbaka</translation>
    </message>
    <message>
        <source>Refund (Enter)</source>
        <translation>Återbetala (Enter)</translation>
    </message>
    <message>
        <source>All in cash instead (F8)</source>
        <translation>Allt kontant i stället (F8)</translation>
    </message>
    <message>
        <source>Back to the original payment (F7)</source>
        <translation>Till ursprunglig betalning (F7)</translation>
    </message>
    <message>
        <source>Back to the sale (Esc)</source>
        <translation>Tillbaka till köpet (Esc)</translation>
    </message>
    <message>
        <source>Refunding…</source>
        <translation>Återbetalar…</translation>
    </message>
    <message>
        <source>Cancel on the terminal</source>
        <translation>Avbryt på terminalen</translation>
    </message>
    <message>
        <source>Hand the customer</source>
        <translation>Ge kunden</translation>
    </message>
    <message>
        <source>Next customer (Enter)</source>
        <translation>Nästa kund (Enter)</translation>
    </message>
    <message>
        <source>Cash rounded by %1 kr</source>
        <translation>Kontant avrundat med %1 kr</translation>
    </message>
    <message>
        <source>Cash from the drawer: %1 kr</source>
        <translation>Kontant ur kassalådan: %1 kr</translation>
    </message>
    <message>
        <source>To the web payment (%1): %2 kr</source>
        <translation>Till webbetalningen (%1): %2 kr</translation>
    </message>
    <message>
        <source>To the card %1 on the terminal: %2 kr</source>
        <translation>Till kortet %1 på terminalen: %2 kr</translation>
    </message>
    <message>
        <source>All of it in cash: the customer&apos;s choice.</source>
        <translation>Allt kontant: kundens val.</translation>
    </message>
    <message>
        <source>Follow the terminal: the card is refunded…</source>
        <translation>Följ terminalen: kortet återbetalas…</translation>
    </message>
    <message>
        <source>Refunding %1 kr…</source>
        <translation>Återbetalar %1 kr…</translation>
    </message>
    <message>
        <source>Cancelling on the terminal…</source>
        <translation>Avbryter på terminalen…</translation>
    </message>
    <message>
        <source>Try again (Enter)</source>
        <translation>Försök igen (Enter)</translation>
    </message>
    <message>
        <source>Refund the rest (Enter)</source>
        <translation>Återbetala resten (Enter)</translation>
    </message>
    <message>
        <source>%1 kr of %2 kr given back; the rest is still to refund.</source>
        <translation>%1 kr av %2 kr återbetalt; resten återstår.</translation>
    </message>
    <message>
        <source>Given back to the original payment</source>
        <translation>Tillbaka till den ursprungliga betalningen</translation>
    </message>
    <message>
        <source>Return receipt %1 – printing…</source>
        <translation>Returkvitto %1 – skrivs ut…</translation>
    </message>
    <message>
        <source>Refunded.</source>
        <translation>Återbetalt.</translation>
    </message>
    <message>
        <source>Return receipt %1 printed.</source>
        <translation>Returkvitto %1 utskrivet.</translation>
    </message>
    <message>
        <source>To store credit instead (F6)</source>
        <translation>Till tillgodo i stället (F6)</translation>
    </message>
    <message>
        <source>To %1&apos;s store credit: %2 kr</source>
        <translation>Till %1s tillgodo: %2 kr</translation>
    </message>
    <message>
        <source>To the gift card %1: %2 kr</source>
        <translation>Till presentkortet %1: %2 kr</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Sales report</source>
        <translation>Försäljningsrapport</translation>
    </message>
    <message>
        <source>VAT report</source>
        <translation>Momsrapport</translation>
    </message>
    <message>
        <source>Export CSV… (Ctrl+E)</source>
        <translation>Exportera CSV… (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export PDF… (Ctrl+P)</source>
        <translation>Exportera PDF… (Ctrl+P)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>X and Z reports</source>
        <translation>X- och Z-rapporter</translation>
    </message>
    <message>
        <source>All registers</source>
        <translation>Alla kassor</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Kassa</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Tagen</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Kvitton</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Försäljning</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Differens</translation>
    </message>
    <message>
        <source>Filter: register, date, who…</source>
        <translation>Filtrera: kassa, datum, vem…</translation>
    </message>
    <message>
        <source>Reprint as copy (Ctrl+R)</source>
        <translation>Skriv ut igen som kopia (Ctrl+R)</translation>
    </message>
    <message>
        <source>Receipt copy</source>
        <translation>Kvittokopia</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapporter</translation>
    </message>
    <message>
        <source>No X or Z report has been taken yet.</source>
        <translation>Ingen X- eller Z-rapport har tagits än.</translation>
    </message>
    <message>
        <source>Rebuilt from the sales, this report differs from the journal in: %1. The journal&apos;s figures are the record.</source>
        <translation>Återskapad ur försäljningen skiljer sig rapporten från journalen i: %1. Journalens siffror gäller.</translation>
    </message>
    <message>
        <source>As taken %1, rebuilt from the sales and equal to the journal.</source>
        <translation>Som den togs %1, återskapad ur försäljningen och lika med journalen.</translation>
    </message>
    <message>
        <source>%1 report of %2 printed again, marked KOPIA.</source>
        <translation>%1-rapporten från %2 utskriven igen, märkt KOPIA.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Save the VAT report</source>
        <translation>Spara momsrapporten</translation>
    </message>
    <message>
        <source>Save the sales report</source>
        <translation>Spara försäljningsrapporten</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Skriver %1…</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Sparad: %1</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return</source>
        <translation>Retur</translation>
    </message>
    <message>
        <source>Return goods</source>
        <translation>Returnera varor</translation>
    </message>
    <message>
        <source>Scan the receipt, or type a receipt code or web order number</source>
        <translation>Skanna kvittot, eller skriv kvittokod eller webbordernummer</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>Customer&apos;s purchases (F5)</source>
        <translation>Kundens köp (F5)</translation>
    </message>
    <message>
        <source>The purchases of the sale&apos;s customer, newest first</source>
        <translation>Kundens köp, nyaste först</translation>
    </message>
    <message>
        <source>No customer on the sale: find them first (Ctrl+K)</source>
        <translation>Ingen kund på köpet: sök fram kunden först (Ctrl+K)</translation>
    </message>
    <message>
        <source>Without receipt (F6)</source>
        <translation>Utan kvitto (F6)</translation>
    </message>
    <message>
        <source>Scan the customer&apos;s receipt to see what can be returned.</source>
        <translation>Skanna kundens kvitto för att se vad som kan returneras.</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Köpt</translation>
    </message>
    <message>
        <source>Receipt / order</source>
        <translation>Kvitto / order</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Var</translation>
    </message>
    <message>
        <source>Left to return</source>
        <translation>Kvar att returnera</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Belopp</translation>
    </message>
    <message>
        <source>To refund</source>
        <translation>Att återbetala</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Stäng (Esc)</translation>
    </message>
    <message>
        <source>Add to the sale (Enter)</source>
        <translation>Lägg i köpet (Enter)</translation>
    </message>
    <message>
        <source>Scan the receipt or type its code or the web order&apos;s number</source>
        <translation>Skanna kvittot eller skriv dess kod eller webborderns nummer</translation>
    </message>
    <message>
        <source>Looking for %1…</source>
        <translation>Söker %1…</translation>
    </message>
    <message>
        <source>Asking the central store for %1&apos;s purchases…</source>
        <translation>Frågar centralsystemet efter köp av %1…</translation>
    </message>
    <message>
        <source>Choose how many of which article come back (+, or scan the article)</source>
        <translation>Välj hur många av vilken artikel som lämnas tillbaka (+, eller skanna artikeln)</translation>
    </message>
    <message>
        <source>Adding the return to the sale…</source>
        <translation>Lägger returen i köpet…</translation>
    </message>
    <message>
        <source>%1 is not on %2, or all of it is chosen already</source>
        <translation>%1 finns inte på %2, eller är redan valt</translation>
    </message>
    <message>
        <source>%1: %2 to return</source>
        <translation>%1: %2 returneras</translation>
    </message>
    <message>
        <source>Try again when the central store answers, or close (Esc).</source>
        <translation>Försök igen när centralsystemet svarar, eller stäng (Esc).</translation>
    </message>
    <message>
        <source>Nothing can be returned from it now.</source>
        <translation>Inget kan returneras från det nu.</translation>
    </message>
    <message>
        <source>The central store cannot be reached: this store&apos;s own sale is returned against its record here, and the return will be reviewed when the central store answers.</source>
        <translation>Centralsystemet nås inte: butikens egen försäljning returneras mot butikens egna uppgifter, och returen granskas när centralsystemet svarar.</translation>
    </message>
    <message>
        <source>Everything of %1 has been returned already.</source>
        <translation>Allt på %1 är redan returnerat.</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) can be returned: choose them, or scan the articles.</source>
        <translation>
            <numerusform>%n enhet kan returneras: välj den, eller skanna artikeln.</numerusform>
            <numerusform>%n enheter kan returneras: välj dem, eller skanna artiklarna.</numerusform>
        </translation>
    </message>
    <message>
        <source>Purchases of %1</source>
        <translation>Köp gjorda av %1</translation>
    </message>
    <message numerus="yes">
        <source>%n purchase(s): choose one (Enter)</source>
        <translation>
            <numerusform>%n köp: välj det (Enter)</numerusform>
            <numerusform>%n köp: välj ett (Enter)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no purchases to return.</source>
        <translation>%1 har inga köp att returnera.</translation>
    </message>
    <message>
        <source>Web order #%1</source>
        <translation>Webborder #%1</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Kvitto %1</translation>
    </message>
    <message>
        <source>Web shop</source>
        <translation>Webbutiken</translation>
    </message>
    <message>
        <source>Stockholm</source>
        <translation>Stockholm</translation>
    </message>
    <message>
        <source>Göteborg</source>
        <translation>Göteborg</translation>
    </message>
</context>
<context>
    <name>ReturnLinesTable</name>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Köpt</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returnerat</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Kvar</translation>
    </message>
    <message>
        <source>Return now</source>
        <translation>Returneras</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Skick</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Återbetalas</translation>
    </message>
    <message>
        <source>%1 (%2 kg, returned whole)</source>
        <translation>%1 (%2 kg, returneras hel)</translation>
    </message>
    <message>
        <source>%1 + %2 in this sale</source>
        <translation>%1 + %2 i detta köp</translation>
    </message>
    <message>
        <source>To stock</source>
        <translation>Till lager</translation>
    </message>
</context>
<context>
    <name>SalePage</name>
    <message>
        <source>Search by name (F2)</source>
        <translation>Sök på namn (F2)</translation>
    </message>
    <message>
        <source>Scan an article or search for one (F2) to start a sale.</source>
        <translation>Skanna en vara eller sök efter en (F2) för att börja ett köp.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Pay (F9)</source>
        <translation>Betala (F9)</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Ta bort rad</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>Radrabatt</translation>
    </message>
    <message>
        <source>Sale discount</source>
        <translation>Köprabatt</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>Parkera</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Återuppta</translation>
    </message>
    <message>
        <source>Void sale</source>
        <translation>Makulera köp</translation>
    </message>
    <message>
        <source>Reprint last</source>
        <translation>Kopia senaste</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X-rapport</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Stäng skift</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Skift</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hjälp</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Logga ut</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Kund: %1</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Sparat: %1</translation>
    </message>
    <message>
        <source>Scan, or type a code or a name</source>
        <translation>Skanna, eller skriv en kod eller ett namn</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Lager</translation>
    </message>
    <message>
        <source>Deliver</source>
        <translation>Hemleverans</translation>
    </message>
    <message>
        <source>Pickups</source>
        <translation>Hämtordrar</translation>
    </message>
    <message>
        <source>No items</source>
        <translation>Inga varor</translation>
    </message>
    <message>
        <source>VAT %1 %: %2 kr</source>
        <translation>Moms %1 %: %2 kr</translation>
    </message>
    <message>
        <source>Discount %1 kr</source>
        <translation>Rabatt %1 kr</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n vara</numerusform>
            <numerusform>%n varor</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: -%2 kr</source>
        <translation>%1: -%2 kr</translation>
    </message>
    <message>
        <source>%1: nothing on these articles yet</source>
        <translation>%1: ger inget på de här varorna än</translation>
    </message>
    <message>
        <source>The sale has no lines yet: scan an article first.</source>
        <translation>Köpet har inga rader än: skanna en vara först.</translation>
    </message>
    <message>
        <source>A payment was started: finish it.</source>
        <translation>En betalning har påbörjats: slutför den.</translation>
    </message>
    <message>
        <source>No shift is open: open one with F10 before selling.</source>
        <translation>Inget skift är öppet: öppna ett med F10 innan du säljer.</translation>
    </message>
    <message>
        <source>Ready. Scan an article.</source>
        <translation>Redo. Skanna en vara.</translation>
    </message>
    <message>
        <source>%1 kg: now scan the article, or find it (F2)</source>
        <translation>%1 kg: skanna nu varan, eller sök fram den (F2)</translation>
    </message>
    <message>
        <source>%1  %2 kg à %3 kr/kg: %4 kr</source>
        <translation>%1  %2 kg à %3 kr/kg: %4 kr</translation>
    </message>
    <message>
        <source>%1  %2 kr</source>
        <translation>%1  %2 kr</translation>
    </message>
    <message>
        <source>%1 kr/kg</source>
        <translation>%1 kr/kg</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Inget hittades</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is no article&apos;s code: the articles whose names match it are listed (Down, Enter).</source>
        <translation>&apos;%1&apos; är ingen varas kod: varorna vars namn stämmer listas (Nedåtpil, Enter).</translation>
    </message>
    <message>
        <source>Choose a line first (Up/Down).</source>
        <translation>Välj en rad först (Upp/Ned).</translation>
    </message>
    <message>
        <source>Discount on the sale</source>
        <translation>Rabatt på hela köpet</translation>
    </message>
    <message>
        <source>Percent (%)</source>
        <translation>Procent (%)</translation>
    </message>
    <message>
        <source>Amount (kr)</source>
        <translation>Belopp (kr)</translation>
    </message>
    <message>
        <source>Enter a percentage, for example 10</source>
        <translation>Ange en procentsats, till exempel 10</translation>
    </message>
    <message>
        <source>Percent or amount off</source>
        <translation>Procent eller belopp i rabatt</translation>
    </message>
    <message>
        <source>Code %1 removed.</source>
        <translation>Koden %1 borttagen.</translation>
    </message>
    <message>
        <source>No customer on this sale.</source>
        <translation>Ingen kund på köpet.</translation>
    </message>
    <message>
        <source>Code %1: -%2 kr.</source>
        <translation>Koden %1: -%2 kr.</translation>
    </message>
    <message>
        <source>Code %1 added: nothing on these articles yet.</source>
        <translation>Koden %1 tillagd: ger inget på de här varorna än.</translation>
    </message>
    <message>
        <source>Change price</source>
        <translation>Ändra pris</translation>
    </message>
    <message>
        <source>New unit price for %1 (kr)</source>
        <translation>Nytt styckpris för %1 (kr)</translation>
    </message>
    <message>
        <source>%1: quantity %2.</source>
        <translation>%1: antal %2.</translation>
    </message>
    <message>
        <source>%1 removed from the sale.</source>
        <translation>%1 är borttagen ur köpet.</translation>
    </message>
    <message>
        <source>There is no sale to void.</source>
        <translation>Det finns inget köp att makulera.</translation>
    </message>
    <message>
        <source>Void the whole sale of %1 kr?</source>
        <translation>Makulera hela köpet på %1 kr?</translation>
    </message>
    <message>
        <source>Sale voided.</source>
        <translation>Köpet är makulerat.</translation>
    </message>
    <message>
        <source>Sale parked as #%1. Resume it with F8.</source>
        <translation>Köpet parkerat som nr %1. Återuppta med F8.</translation>
    </message>
    <message>
        <source>Parked sale resumed.</source>
        <translation>Parkerat köp återupptaget.</translation>
    </message>
    <message>
        <source>Checking the web cart…</source>
        <translation>Kontrollerar webbvarukorgen…</translation>
    </message>
    <message>
        <source>Receipt %1 paid. Next customer!</source>
        <translation>Kvitto %1 betalt. Nästa kund!</translation>
    </message>
    <message>
        <source>Reprinting the last receipt (copy)…</source>
        <translation>Skriver ut det senaste kvittot igen (kopia)…</translation>
    </message>
    <message>
        <source>No receipt to reprint yet.</source>
        <translation>Det finns inget kvitto att skriva ut igen än.</translation>
    </message>
    <message>
        <source>Copy of receipt %1 printed (KOPIA).</source>
        <translation>Kopia av kvitto %1 utskriven (KOPIA).</translation>
    </message>
    <message>
        <source>Printed.</source>
        <translation>Utskrivet.</translation>
    </message>
    <message>
        <source>Shift %1 opened with a float of %2 kr. Ready to sell.</source>
        <translation>Skift %1 öppnat med växelkassa %2 kr. Redo att sälja.</translation>
    </message>
    <message>
        <source>Cash movement of %1 kr recorded.</source>
        <translation>Kontantrörelse på %1 kr registrerad.</translation>
    </message>
    <message>
        <source>Drawer opened.</source>
        <translation>Kassalådan öppnad.</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>Z-rapport</translation>
    </message>
    <message>
        <source>Web order #%1 is on the sale: take its payment (F9)</source>
        <translation>Webborder #%1 ligger i köpet: ta betalt (F9)</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retur</translation>
    </message>
    <message>
        <source>Refund (F9)</source>
        <translation>Återbetala (F9)</translation>
    </message>
    <message>
        <source>The return from %1 is on the sale: refund (F9), or scan what the customer takes instead</source>
        <translation>Returen från %1 ligger i köpet: återbetala (F9), eller skanna det kunden tar i stället</translation>
    </message>
    <message>
        <source>%1 returned without receipt: refund (F9)</source>
        <translation>%1 returneras utan kvitto: återbetala (F9)</translation>
    </message>
    <message>
        <source>Return receipt %1 refunded. Next customer!</source>
        <translation>Returkvitto %1 återbetalt. Nästa kund!</translation>
    </message>
    <message>
        <source>Receipts are not e-mailed from this till: no mail server is configured.</source>
        <translation>Den här kassan e-postar inte kvitton: ingen e-postserver är inställd.</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Presentkort</translation>
    </message>
    <message>
        <source>Gift card added: the central store makes it when the sale is paid.</source>
        <translation>Presentkortet är tillagt: centralsystemet skapar det när köpet är betalt.</translation>
    </message>
</context>
<context>
    <name>SalesReport</name>
    <message>
        <source>This store&apos;s tills</source>
        <translation>Butikens kassor</translation>
    </message>
    <message>
        <source>Web orders collected here</source>
        <translation>Webbordrar hämtade här</translation>
    </message>
    <message>
        <source>Web orders returned here</source>
        <translation>Webbordrar returnerade här</translation>
    </message>
    <message>
        <source>Ship-to-home placed here</source>
        <translation>Hemleveranser beställda här</translation>
    </message>
    <message>
        <source>Web carts paid here</source>
        <translation>Webbkorgar betalda här</translation>
    </message>
    <message>
        <source>Net sales (incl. VAT)</source>
        <translation>Nettoförsäljning (inkl. moms)</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Kvitton</translation>
    </message>
    <message>
        <source>Average basket</source>
        <translation>Snittköp</translation>
    </message>
    <message>
        <source>Articles sold</source>
        <translation>Sålda artiklar</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Returer</translation>
    </message>
    <message>
        <source>Discounts given</source>
        <translation>Givna rabatter</translation>
    </message>
    <message>
        <source>Cash rounding</source>
        <translation>Öresavrundning</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>Moms</translation>
    </message>
    <message>
        <source>Invoices paid (no sales)</source>
        <translation>Inbetalda fakturor (ej försäljning)</translation>
    </message>
    <message>
        <source>Gift cards sold (no sales)</source>
        <translation>Sålda presentkort (ej försäljning)</translation>
    </message>
    <message>
        <source>Sales report</source>
        <translation>Försäljningsrapport</translation>
    </message>
    <message>
        <source>org. no.</source>
        <translation>org.nr</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Skapad</translation>
    </message>
    <message>
        <source>All registers. Amounts in kronor.</source>
        <translation>Alla kassor. Belopp i kronor.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <source>VAT per rate</source>
        <translation>Moms per sats</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>Payment methods</source>
        <translation>Betalsätt</translation>
    </message>
    <message>
        <source>Registers</source>
        <translation>Kassor</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Per dag</translation>
    </message>
    <message>
        <source>Per hour</source>
        <translation>Per timme</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artiklar</translation>
    </message>
    <message>
        <source>Returns per VAT rate</source>
        <translation>Returer per momssats</translation>
    </message>
    <message>
        <source>Per channel</source>
        <translation>Per kanal</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Sats</translation>
    </message>
    <message>
        <source>Sales incl. VAT</source>
        <translation>Försäljning inkl. moms</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Betalsätt</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Betalningar</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Återbetalt</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Kassa</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>Nettoförsäljning</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Receipts per channel: every receipt with a line of the channel, return receipts included; a receipt with lines of two channels counts in both.</source>
        <translation>Kvitton per kanal: varje kvitto med en rad i kanalen, returkvitton medräknade; ett kvitto med rader i två kanaler räknas i båda.</translation>
    </message>
    <message>
        <source>Given back</source>
        <translation>Återlämnat</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Timme</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnr</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Försäljning</translation>
    </message>
</context>
<context>
    <name>ShiftDialogs</name>
    <message>
        <source>Open shift</source>
        <translation>Öppna skift</translation>
    </message>
    <message>
        <source>Opening float: the cash in the drawer (kr)</source>
        <translation>Växelkassa: kontanterna i lådan (kr)</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Stäng skift</translation>
    </message>
    <message>
        <source>Count the cash in the drawer and enter the total (kr). The Z report closes the day.</source>
        <translation>Räkna kontanterna i lådan och ange summan (kr). Z-rapporten avslutar dagen.</translation>
    </message>
    <message>
        <source>Z report %1: shift closed.</source>
        <translation>Z-rapport %1: skiftet är stängt.</translation>
    </message>
    <message>
        <source>X report (the shift stays open).</source>
        <translation>X-rapport (skiftet är fortfarande öppet).</translation>
    </message>
    <message>
        <source>Expected cash %1 kr.</source>
        <translation>Förväntat kontant %1 kr.</translation>
    </message>
    <message>
        <source>Counted %1 kr: the drawer balances.</source>
        <translation>Räknat %1 kr: lådan stämmer.</translation>
    </message>
    <message>
        <source>over</source>
        <translation>för mycket</translation>
    </message>
    <message>
        <source>short</source>
        <translation>för lite</translation>
    </message>
    <message>
        <source>Counted %1 kr: %2 kr %3.</source>
        <translation>Räknat %1 kr: %2 kr %3.</translation>
    </message>
</context>
<context>
    <name>ShiftMenu</name>
    <message>
        <source>Shift</source>
        <translation>Skift</translation>
    </message>
    <message>
        <source>No shift is open on this register.</source>
        <translation>Inget skift är öppet i den här kassan.</translation>
    </message>
    <message>
        <source>Shift %1 open since %2, float %3 kr</source>
        <translation>Skift %1 öppet sedan %2, växelkassa %3 kr</translation>
    </message>
    <message>
        <source>1  Open shift</source>
        <translation>1  Öppna skift</translation>
    </message>
    <message>
        <source>2  Cash in</source>
        <translation>2  Insättning</translation>
    </message>
    <message>
        <source>3  Cash out</source>
        <translation>3  Uttag</translation>
    </message>
    <message>
        <source>4  X report</source>
        <translation>4  X-rapport</translation>
    </message>
    <message>
        <source>5  Close shift (Z report)</source>
        <translation>5  Stäng skift (Z-rapport)</translation>
    </message>
    <message>
        <source>6  Open drawer (no sale)</source>
        <translation>6  Öppna lådan (utan köp)</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Tillbaka (Esc)</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Help: this list of shortcuts</source>
        <translation>Hjälp: den här listan med kortkommandon</translation>
    </message>
    <message>
        <source>Search articles by name</source>
        <translation>Sök varor på namn</translation>
    </message>
    <message>
        <source>Quantity of the selected line</source>
        <translation>Antal på markerad rad</translation>
    </message>
    <message>
        <source>Discount on the selected line</source>
        <translation>Rabatt på markerad rad</translation>
    </message>
    <message>
        <source>Discount on the whole sale</source>
        <translation>Rabatt på hela köpet</translation>
    </message>
    <message>
        <source>Change the price of the selected line (manager)</source>
        <translation>Ändra priset på markerad rad (chef)</translation>
    </message>
    <message>
        <source>Park the sale</source>
        <translation>Parkera köpet</translation>
    </message>
    <message>
        <source>Resume a parked sale</source>
        <translation>Återuppta ett parkerat köp</translation>
    </message>
    <message>
        <source>Web orders for pickup: receive, pay, hand over</source>
        <translation>Webbordrar att hämta: ta emot, betala, lämna ut</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Betala</translation>
    </message>
    <message>
        <source>Shift: open, cash in/out, X report, close (Z)</source>
        <translation>Skift: öppna, insättning/uttag, X-rapport, stäng (Z)</translation>
    </message>
    <message>
        <source>Promotion code: add or remove the customer&apos;s codes</source>
        <translation>Kampanjkod: lägg till eller ta bort kundens koder</translation>
    </message>
    <message>
        <source>Customer: find them by phone, e-mail or name</source>
        <translation>Kund: sök på telefon, e-post eller namn</translation>
    </message>
    <message>
        <source>Stock everywhere: the selected line or search result, here, in other stores and the warehouse</source>
        <translation>Lagersaldo överallt: vald rad eller sökträff, här, i andra butiker och i webblagret</translation>
    </message>
    <message>
        <source>Home delivery: send the selected line home, or take it now again</source>
        <translation>Hemleverans: skicka vald rad hem till kunden, eller ta den med nu igen</translation>
    </message>
    <message>
        <source>Home delivery: address and sending location</source>
        <translation>Hemleverans: adress och lager som skickar</translation>
    </message>
    <message>
        <source>Pay an invoice (F8: the customer&apos;s)</source>
        <translation>Betala en faktura (F8: kundens)</translation>
    </message>
    <message>
        <source>Reprint the last receipt (copy)</source>
        <translation>Skriv ut senaste kvittot igen (kopia)</translation>
    </message>
    <message>
        <source>Remove the selected line</source>
        <translation>Ta bort markerad rad</translation>
    </message>
    <message>
        <source>Void the whole sale</source>
        <translation>Makulera hela köpet</translation>
    </message>
    <message>
        <source>Cancel a dialog / go back</source>
        <translation>Avbryt en dialog / gå tillbaka</translation>
    </message>
    <message>
        <source>Move in the sale&apos;s lines</source>
        <translation>Flytta mellan köpets rader</translation>
    </message>
    <message>
        <source>One more / one less of the selected line</source>
        <translation>En till / en mindre på markerad rad</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Logga ut</translation>
    </message>
    <message>
        <source>Up / Down</source>
        <translation>Upp / Ned</translation>
    </message>
    <message>
        <source>Return goods: by receipt, web order or the customer&apos;s purchases; without receipt (manager)</source>
        <translation>Retur: med kvitto, webborder eller kundens köp; utan kvitto (chef)</translation>
    </message>
    <message>
        <source>E-mail a receipt (a copy) to the customer</source>
        <translation>E-posta ett kvitto (en kopia) till kunden</translation>
    </message>
    <message>
        <source>Gift card: sell one for an amount (pay with one: F7 in the payment)</source>
        <translation>Presentkort: sälj ett för ett belopp (betala med ett: F7 i betalningen)</translation>
    </message>
</context>
<context>
    <name>SkvExport</name>
    <message>
        <source>Export SKV… (Ctrl+Shift+E)</source>
        <translation>Exportera SKV… (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>The journal as XML in the tax authority&apos;s standard export format (SKVFS 2021:16)</source>
        <translation>Journalen som XML i Skatteverkets standardformat för export (SKVFS 2021:16)</translation>
    </message>
    <message>
        <source>Export the journal for Skatteverket</source>
        <translation>Exportera journalen till Skatteverket</translation>
    </message>
    <message>
        <source>XML files (*.xml)</source>
        <translation>XML-filer (*.xml)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Skriver %1…</translation>
    </message>
    <message>
        <source>%1 journal entries read</source>
        <translation>%1 journalposter lästa</translation>
    </message>
    <message>
        <source>%1 events of %2 journal entries saved for Skatteverket: %3</source>
        <translation>%1 händelser av %2 journalposter sparade för Skatteverket: %3</translation>
    </message>
</context>
<context>
    <name>StaffCallBanner</name>
    <message>
        <source>I&apos;ll go</source>
        <translation>Jag går dit</translation>
    </message>
    <message>
        <source>A customer at %1 needs help (since %2)</source>
        <translation>En kund vid %1 behöver hjälp (sedan %2)</translation>
    </message>
    <message numerus="yes">
        <source>and %n more call(s)</source>
        <translation>
            <numerusform>och %n anrop till</numerusform>
            <numerusform>och %n anrop till</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffExitDialog</name>
    <message>
        <source>Staff only</source>
        <translation>Endast personal</translation>
    </message>
    <message>
        <source>Staff: enter your PIN to close the kiosk</source>
        <translation>Personal: ange din PIN-kod för att stänga kiosken</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Too many wrong PINs: try again in a minute</source>
        <translation>För många felaktiga PIN-koder: försök igen om en minut</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Login id</source>
        <translation>Inloggnings-id</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Discount limit</source>
        <translation>Rabattgräns</translation>
    </message>
    <message>
        <source>Wrong PINs</source>
        <translation>Fel PIN</translation>
    </message>
    <message>
        <source>Filter: name, id, role…</source>
        <translation>Filtrera: namn, id, roll…</translation>
    </message>
    <message>
        <source>New… (Ctrl+N)</source>
        <translation>Ny… (Ctrl+N)</translation>
    </message>
    <message>
        <source>Reset PIN… (Ctrl+R)</source>
        <translation>Ny PIN-kod… (Ctrl+R)</translation>
    </message>
    <message>
        <source>Lift lockout (Ctrl+U)</source>
        <translation>Häv spärr (Ctrl+U)</translation>
    </message>
    <message>
        <source>Change role (Ctrl+M)</source>
        <translation>Byt roll (Ctrl+M)</translation>
    </message>
    <message>
        <source>Deactivate (Ctrl+D)</source>
        <translation>Inaktivera (Ctrl+D)</translation>
    </message>
    <message>
        <source>Discount limit… (Ctrl+G)</source>
        <translation>Rabattgräns… (Ctrl+G)</translation>
    </message>
    <message>
        <source>Store&apos;s limit… (Ctrl+Shift+G)</source>
        <translation>Butikens gräns… (Ctrl+Shift+G)</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Chef</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kassör</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>Spärrad till %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>No limit (manager)</source>
        <translation>Ingen gräns (chef)</translation>
    </message>
    <message>
        <source>%1 % (store&apos;s)</source>
        <translation>%1 % (butikens)</translation>
    </message>
    <message>
        <source>The store&apos;s discount limit for cashiers: %1 % (the registers&apos; configuration)</source>
        <translation>Butikens rabattgräns för kassörer: %1 % (kassornas konfiguration)</translation>
    </message>
    <message>
        <source>The store&apos;s discount limit for cashiers: %1 %</source>
        <translation>Butikens rabattgräns för kassörer: %1 %</translation>
    </message>
    <message>
        <source>Activate (Ctrl+D)</source>
        <translation>Aktivera (Ctrl+D)</translation>
    </message>
    <message>
        <source>Make cashier (Ctrl+M)</source>
        <translation>Gör till kassör (Ctrl+M)</translation>
    </message>
    <message>
        <source>Make manager (Ctrl+M)</source>
        <translation>Gör till chef (Ctrl+M)</translation>
    </message>
    <message>
        <source>%1 was added.</source>
        <translation>%1 lades till.</translation>
    </message>
    <message>
        <source>%1 has a new PIN.</source>
        <translation>%1 har en ny PIN-kod.</translation>
    </message>
    <message>
        <source>%1 may try their PIN again.</source>
        <translation>%1 kan försöka med sin PIN-kod igen.</translation>
    </message>
    <message>
        <source>%1&apos;s role was changed.</source>
        <translation>Rollen för %1 ändrades.</translation>
    </message>
    <message>
        <source>%1 was activated.</source>
        <translation>%1 aktiverades.</translation>
    </message>
    <message>
        <source>%1 was deactivated.</source>
        <translation>%1 inaktiverades.</translation>
    </message>
    <message>
        <source>The most %1 may take off a line or a sale without a manager&apos;s PIN.</source>
        <translation>Den största rabatt %1 får ge på en rad eller ett köp utan en chefs PIN.</translation>
    </message>
    <message>
        <source>the store&apos;s limit (%1 %)</source>
        <translation>butikens gräns (%1 %)</translation>
    </message>
    <message>
        <source>%1&apos;s discount limit was changed.</source>
        <translation>Rabattgränsen för %1 ändrades.</translation>
    </message>
    <message>
        <source>The most a cashier without a limit of their own may take off a line or a sale without a manager&apos;s PIN.</source>
        <translation>Den största rabatt en kassör utan egen gräns får ge på en rad eller ett köp utan en chefs PIN.</translation>
    </message>
    <message>
        <source>the registers&apos; configured limit (%1 %)</source>
        <translation>kassornas konfigurerade gräns (%1 %)</translation>
    </message>
    <message>
        <source>The store&apos;s discount limit was changed.</source>
        <translation>Butikens rabattgräns ändrades.</translation>
    </message>
</context>
<context>
    <name>StaffTiles</name>
    <message>
        <source>Manager</source>
        <translation>Chef</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kassör</translation>
    </message>
</context>
<context>
    <name>StockCountPanel</name>
    <message>
        <source>Any articles (only what is counted changes)</source>
        <extracomment>a count was posted (its outbox keys)</extracomment>
        <translation>Valfria artiklar (bara det som räknas ändras)</translation>
    </message>
    <message>
        <source>The whole store (not counted = 0)</source>
        <translation>Hela butiken (ej räknat = 0)</translation>
    </message>
    <message>
        <source>Chosen articles (SKUs)</source>
        <translation>Valda artiklar (artikelnr)</translation>
    </message>
    <message>
        <source>SKUs, separated by commas</source>
        <translation>Artikelnr, åtskilda med komma</translation>
    </message>
    <message>
        <source>Start a count (Ctrl+N)</source>
        <translation>Starta inventering (Ctrl+N)</translation>
    </message>
    <message>
        <source>A count compares what is on the shelves with this store&apos;s stock. Each article&apos;s expected figure is its stock when it is first counted; posting sends the differences to the central store, so sales made meanwhile are kept.</source>
        <translation>En inventering jämför det som finns på hyllorna med butikens lager. Varje artikels förväntade antal är dess lager när den räknas första gången; vid bokföring skickas skillnaderna till centralsystemet, så försäljning under tiden behålls.</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Inventera</translation>
    </message>
    <message>
        <source>A count of the whole store: every article this store holds stock of that is not counted is set to 0 when the count is posted (you see the list first).</source>
        <translation>En inventering av hela butiken: varje artikel som butiken har i lager och som inte räknas sätts till 0 när inventeringen bokförs (du ser listan först).</translation>
    </message>
    <message>
        <source>Scan or type EAN/SKU: +1 each</source>
        <translation>Skanna eller skriv EAN/artikelnr: +1 per gång</translation>
    </message>
    <message>
        <source>Set counted (Ctrl+S)</source>
        <translation>Ange räknat (Ctrl+S)</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Ta bort rad</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnr</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Förväntat</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Räknat</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differens</translation>
    </message>
    <message>
        <source>Value (kr)</source>
        <translation>Värde (kr)</translation>
    </message>
    <message>
        <source>Filter: article, SKU…</source>
        <translation>Filtrera: artikel, artikelnr…</translation>
    </message>
    <message>
        <source>Post the count (Ctrl+P)</source>
        <translation>Bokför inventeringen (Ctrl+P)</translation>
    </message>
    <message>
        <source>Cancel the count</source>
        <translation>Avbryt inventeringen</translation>
    </message>
    <message>
        <source>Sent %v of %m</source>
        <translation>Skickat %v av %m</translation>
    </message>
    <message>
        <source>One category</source>
        <translation>En kategori</translation>
    </message>
    <message>
        <source>Count %1, started %2 by %3: %4</source>
        <translation>Inventering %1, startad %2 av %3: %4</translation>
    </message>
    <message>
        <source>%1 articles, %2 counted of %3 expected; missing %4, surplus %5; difference %6 kr</source>
        <translation>%1 artiklar, %2 räknade av %3 förväntade; saknas %4, överskott %5; differens %6 kr</translation>
    </message>
    <message numerus="yes">
        <source>%n chosen article(s)</source>
        <translation>
            <numerusform>%n vald artikel</numerusform>
            <numerusform>%n valda artiklar</numerusform>
        </translation>
    </message>
    <message>
        <source>category %1</source>
        <translation>kategori %1</translation>
    </message>
    <message>
        <source>the whole store (what is not counted is set to 0)</source>
        <translation>hela butiken (det som inte räknas sätts till 0)</translation>
    </message>
    <message>
        <source>any articles (only what is counted changes)</source>
        <translation>valfria artiklar (bara det som räknas ändras)</translation>
    </message>
    <message>
        <source>Name the articles to count (their SKUs).</source>
        <translation>Ange artiklarna som ska räknas (deras artikelnr).</translation>
    </message>
    <message>
        <source>Count started: scan the articles.</source>
        <translation>Inventeringen har startat: skanna artiklarna.</translation>
    </message>
    <message>
        <source>%1: %2 counted (expected %3).</source>
        <translation>%1: %2 räknade (förväntat %3).</translation>
    </message>
    <message>
        <source>Cancel count %1? What was counted is not posted.</source>
        <translation>Avbryta inventering %1? Det som räknats bokförs inte.</translation>
    </message>
    <message>
        <source>The count was cancelled.</source>
        <translation>Inventeringen avbröts.</translation>
    </message>
    <message>
        <source>Not posted: count the articles on the list, or post when they are not in the store.</source>
        <translation>Inte bokförd: räkna artiklarna på listan, eller bokför om de inte finns i butiken.</translation>
    </message>
    <message>
        <source>Large differences</source>
        <translation>Stora differenser</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) differ by more than %1 units or %2 kr:</source>
        <translation>
            <numerusform>%n rad skiljer mer än %1 st eller %2 kr:</numerusform>
            <numerusform>%n rader skiljer mer än %1 st eller %2 kr:</numerusform>
        </translation>
    </message>
    <message>
        <source>Post the count anyway?</source>
        <translation>Bokföra inventeringen ändå?</translation>
    </message>
    <message>
        <source>Counted without the central store</source>
        <translation>Räknat utan centralsystemet</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) were counted while the central store did not answer: their expected figure may be out of date, so the central store&apos;s stock is set to the counted figure. Sales made since they were counted are not kept: recount those articles if any were sold.</source>
        <translation>
            <numerusform>%n rad räknades medan centralsystemet inte svarade: dess förväntade antal kan vara inaktuellt, så lagret i centralsystemet sätts till det räknade antalet. Försäljning sedan raden räknades behålls inte: räkna om artikeln om någon har sålts.</numerusform>
            <numerusform>%n rader räknades medan centralsystemet inte svarade: deras förväntade antal kan vara inaktuella, så lagret i centralsystemet sätts till det räknade antalet. Försäljning sedan raderna räknades behålls inte: räkna om de artiklarna om några har sålts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Count %1 posted: no differences.</source>
        <translation>Inventering %1 bokförd: inga differenser.</translation>
    </message>
    <message>
        <source>Count %1 posted; sending the differences to the central store…</source>
        <translation>Inventering %1 bokförd; skickar differenserna till centralsystemet…</translation>
    </message>
    <message>
        <source>Count %1 posted: %2 difference(s) sent, %3 wait in the outbox (the central store did not take them now; see Sync).</source>
        <translation>Inventering %1 bokförd: %2 differens(er) skickade, %3 väntar i utkorgen (centralsystemet tog inte emot dem nu; se Synk).</translation>
    </message>
    <message>
        <source>Count %1 posted: %2 difference(s) sent to the central store.</source>
        <translation>Inventering %1 bokförd: %2 differens(er) skickade till centralsystemet.</translation>
    </message>
    <message>
        <source>Count %1 posted; the differences wait in the outbox: %2</source>
        <translation>Inventering %1 bokförd; differenserna väntar i utkorgen: %2</translation>
    </message>
</context>
<context>
    <name>StockDialog</name>
    <message>
        <source>Stock everywhere</source>
        <translation>Lagersaldo överallt</translation>
    </message>
    <message>
        <source>Asking the central store…</source>
        <translation>Frågar centralsystemet…</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lager</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Tillgängligt</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>I lager</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reserverat</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>Fresh from the central store at %1</source>
        <translation>Aktuellt från centralsystemet kl. %1</translation>
    </message>
    <message>
        <source>NOT FRESH: the central store cannot be reached. These are the figures of the last sync (%1).</source>
        <translation>INTE AKTUELLT: centralsystemet kan inte nås. Siffrorna är från senaste synkningen (%1).</translation>
    </message>
    <message>
        <source>%1 (this store)</source>
        <translation>%1 (här)</translation>
    </message>
    <message>
        <source>No location keeps this article.</source>
        <translation>Inget lager har den här artikeln.</translation>
    </message>
</context>
<context>
    <name>StockLookupPanel</name>
    <message>
        <source>Scan or type EAN, SKU, short number or name</source>
        <translation>Skanna eller skriv EAN, artikelnr, kortnummer eller namn</translation>
    </message>
    <message>
        <source>Show stock (Enter)</source>
        <translation>Visa lager (Enter)</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Tillgängligt</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>I lager</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reserverat</translation>
    </message>
    <message>
        <source>Filter locations…</source>
        <translation>Filtrera platser…</translation>
    </message>
    <message>
        <source>%1 (this store)</source>
        <translation>%1 (den här butiken)</translation>
    </message>
    <message>
        <source>Asking the central store…</source>
        <translation>Frågar centralsystemet…</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) match: choose one.</source>
        <translation>
            <numerusform>%n artikel matchar: välj en.</numerusform>
            <numerusform>%n artiklar matchar: välj en.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (SKU %2)</source>
        <translation>%1 (artikelnr %2)</translation>
    </message>
    <message>
        <source>Fresh from the central store at %1.</source>
        <translation>Aktuellt från centralsystemet kl. %1.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>NOT FRESH: the central store did not answer; these are the figures of the last stock sync (%1).</source>
        <translation>INTE AKTUELLT: centralsystemet svarade inte; detta är siffrorna från senaste lagersynken (%1).</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <source>Article stock (F2)</source>
        <translation>Artikelsaldo (F2)</translation>
    </message>
    <message>
        <source>Stock count (F3)</source>
        <translation>Inventering (F3)</translation>
    </message>
    <message>
        <source>Receiving (F4)</source>
        <translation>Inleverans (F4)</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Lager</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Central store: not checked yet</source>
        <translation>Centralsystemet: inte kontrollerat än</translation>
    </message>
    <message>
        <source>Check now (Ctrl+T)</source>
        <translation>Kontrollera nu (Ctrl+T)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alla</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Nyckel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Försök</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Köad</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Skickad</translation>
    </message>
    <message>
        <source>Filter: key, kind, error…</source>
        <translation>Filtrera: nyckel, typ, fel…</translation>
    </message>
    <message>
        <source>Send again (Ctrl+R)</source>
        <translation>Skicka igen (Ctrl+R)</translation>
    </message>
    <message>
        <source>Messages to the central store</source>
        <translation>Meddelanden till centralsystemet</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synk</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Väntar</translation>
    </message>
    <message>
        <source>Failed, will retry</source>
        <translation>Misslyckades, försöker igen</translation>
    </message>
    <message>
        <source>Dead: needs a person</source>
        <translation>Död: behöver en människa</translation>
    </message>
    <message>
        <source>Outbox: %1 waiting, %2 failed (retrying), %3 dead, %4 sent.</source>
        <translation>Utkorgen: %1 väntar, %2 misslyckade (försöker igen), %3 döda, %4 skickade.</translation>
    </message>
    <message>
        <source>Catalogue: never synced with the central store.</source>
        <translation>Sortimentet: aldrig synkat med centralsystemet.</translation>
    </message>
    <message>
        <source>Catalogue: last full sync %1; last changes fetched %2.</source>
        <translation>Sortimentet: senaste fullständiga synk %1; senaste ändringar hämtade %2.</translation>
    </message>
    <message>
        <source>Promotions: %1, synced %2.</source>
        <translation>Kampanjer: %1, synkade %2.</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Senaste fel: %1</translation>
    </message>
    <message>
        <source>Central store: asking…</source>
        <translation>Centralsystemet: frågar…</translation>
    </message>
    <message>
        <source>Central store: none configured.</source>
        <translation>Centralsystemet: inget konfigurerat.</translation>
    </message>
    <message>
        <source>Central store: answers (%1 s, at %2).</source>
        <translation>Centralsystemet: svarar (%1 s, kl. %2).</translation>
    </message>
    <message>
        <source>Central store: does not answer (at %1).</source>
        <translation>Centralsystemet: svarar inte (kl. %1).</translation>
    </message>
    <message>
        <source>%1 is queued again; the tills&apos; outbox sends it.</source>
        <translation>%1 är köad igen; kassornas utkorg skickar den.</translation>
    </message>
</context>
<context>
    <name>UncountedDialog</name>
    <message>
        <source>Articles not counted</source>
        <translation>Artiklar som inte räknats</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) not counted will be set to 0</source>
        <translation>
            <numerusform>%n artikel som inte räknats sätts till 0</numerusform>
            <numerusform>%n artiklar som inte räknats sätts till 0</numerusform>
        </translation>
    </message>
    <message>
        <source>This is a count of the whole store: an article this store holds stock of that was not counted is counted as 0. %1 unit(s) worth %2 kr leave this store&apos;s stock. Go back to count them if they are on the shelves.</source>
        <translation>Det här är en inventering av hela butiken: en artikel som butiken har i lager och som inte räknats räknas som 0. %1 st för %2 kr försvinner ur butikens lager. Gå tillbaka och räkna dem om de finns på hyllorna.</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnr</translation>
    </message>
    <message>
        <source>In stock now</source>
        <translation>I lager nu</translation>
    </message>
    <message>
        <source>Set to</source>
        <translation>Sätts till</translation>
    </message>
    <message>
        <source>Value (kr)</source>
        <translation>Värde (kr)</translation>
    </message>
    <message>
        <source>Filter: article, SKU…</source>
        <translation>Filtrera: artikel, artikelnr…</translation>
    </message>
    <message>
        <source>Go back and count</source>
        <translation>Gå tillbaka och räkna</translation>
    </message>
    <message numerus="yes">
        <source>Set %n article(s) to 0 and post</source>
        <translation>
            <numerusform>Sätt %n artikel till 0 och bokför</numerusform>
            <numerusform>Sätt %n artiklar till 0 och bokför</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VatPanel</name>
    <message>
        <source>Rate</source>
        <translation>Momssats</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Försäljning</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Returer</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>net</source>
        <translation>netto</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>moms</translation>
    </message>
    <message>
        <source>gross</source>
        <translation>brutto</translation>
    </message>
    <message>
        <source>No sales or returns %1.</source>
        <translation>Ingen försäljning eller retur %1.</translation>
    </message>
    <message>
        <source>%1: the balance (sales less returns) is the output VAT to declare; the figures are the Z reports&apos; (the VAT each receipt printed).</source>
        <translation>%1: saldot (försäljning minus returer) är den utgående moms som ska redovisas; siffrorna är Z-rapporternas (den moms varje kvitto skrev ut).</translation>
    </message>
</context>
<context>
    <name>VatReport</name>
    <message>
        <source>VAT report</source>
        <translation>Momsrapport</translation>
    </message>
    <message>
        <source>org. no.</source>
        <translation>org.nr</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Skapad</translation>
    </message>
    <message>
        <source>All registers. Amounts in kronor.</source>
        <translation>Alla kassor. Belopp i kronor.</translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation>Momssats</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Försäljning</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Returer</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>Moms</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Brutto</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>Balance = sales less returns: the output VAT to declare. The figures are the Z reports&apos; (the VAT each receipt printed).</source>
        <translation>Saldo = försäljning minus returer: den utgående moms som ska redovisas. Siffrorna är Z-rapporternas (den moms varje kvitto skrev ut).</translation>
    </message>
    <message>
        <source>No sales or returns in the period.</source>
        <translation>Ingen försäljning eller retur under perioden.</translation>
    </message>
</context>
<context>
    <name>WebCartBanner</name>
    <message>
        <source>Continues web cart %1</source>
        <translation>Fortsätter webbvarukorg %1</translation>
    </message>
    <message>
        <source>the web cart&apos;s prices apply</source>
        <translation>webbvarukorgens priser gäller</translation>
    </message>
    <message>
        <source>Fetching web cart %1 from the central store…</source>
        <translation>Hämtar webbvarukorg %1 från centralsystemet…</translation>
    </message>
    <message numerus="yes">
        <source>Web cart %1 loaded: %n article(s), %2 kr.</source>
        <translation>
            <numerusform>Webbvarukorg %1 hämtad: %n artikel, %2 kr.</numerusform>
            <numerusform>Webbvarukorg %1 hämtad: %n artiklar, %2 kr.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the web cart&apos;s price %2 kr applies (the till&apos;s is %3 kr).</source>
        <translation>%1: webbvarukorgens pris %2 kr gäller (kassans är %3 kr).</translation>
    </message>
    <message>
        <source>The web shop&apos;s total was %1 kr: check the sale with the customer.</source>
        <translation>Webbutikens summa var %1 kr: stäm av köpet med kunden.</translation>
    </message>
</context>
</TS>
