<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CampaignTable</name>
    <message numerus="yes">
        <source>%1 (%n day(s))</source>
        <translation>
            <numerusform>%1 (%n day)</numerusform>
            <numerusform>%1 (%n days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CashCountDialog</name>
    <message numerus="yes">
        <source>%n parked sale(s), %1 kr, stay parked for the next shift.</source>
        <translation>
            <numerusform>%n parked sale, %1 kr, stays parked for the next shift.</numerusform>
            <numerusform>%n parked sales, %1 kr, stay parked for the next shift.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelPanel</name>
    <message numerus="yes">
        <source>%n web order(s) paid on the web handed over here (no sale here).</source>
        <translation>
            <numerusform>%n web order paid on the web handed over here (no sale here).</numerusform>
            <numerusform>%n web orders paid on the web handed over here (no sale here).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message numerus="yes">
        <source>%n customer(s) found</source>
        <translation>
            <numerusform>%n customer found</numerusform>
            <numerusform>%n customers found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerFormDialog</name>
    <message numerus="yes">
        <source>%n customer(s) already look like this one: use one of them, or give a reason to create a new customer</source>
        <translation>
            <numerusform>%n customer already looks like this one: use it, or give a reason to create a new customer</numerusform>
            <numerusform>%n customers already look like this one: use one of them, or give a reason to create a new customer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerHistoryDialog</name>
    <message numerus="yes">
        <source>%n unit(s) returned</source>
        <translation>
            <numerusform>%n unit returned</numerusform>
            <numerusform>%n units returned</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <source>incl. VAT, %n article(s)</source>
        <translation>
            <numerusform>incl. VAT, %n article</numerusform>
            <numerusform>incl. VAT, %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n return(s)</source>
        <translation>
            <numerusform>%n return</numerusform>
            <numerusform>%n returns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterTable</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindPage</name>
    <message numerus="yes">
        <source>%n product(s): %1</source>
        <translation>
            <numerusform>%n product: %1</numerusform>
            <numerusform>%n products: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterestTile</name>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalSummaries</name>
    <message numerus="yes">
        <source>Receipt %1: %n article(s), %2, %3</source>
        <translation>
            <numerusform>Receipt %1: %n article, %2, %3</numerusform>
            <numerusform>Receipt %1: %n articles, %2, %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Return, receipt %1: %n article(s), %2, %3</source>
        <translation>
            <numerusform>Return, receipt %1: %n article, %2, %3</numerusform>
            <numerusform>Return, receipt %1: %n articles, %2, %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sale of %n article(s) voided, %1</source>
        <translation>
            <numerusform>Sale of %n article voided, %1</numerusform>
            <numerusform>Sale of %n articles voided, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>X report: %1, %n receipt(s)</source>
        <translation>
            <numerusform>X report: %1, %n receipt</numerusform>
            <numerusform>X report: %1, %n receipts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lockout of %1 lifted after %n failed attempt(s)</source>
        <translation>
            <numerusform>Lockout of %1 lifted after %n failed attempt</numerusform>
            <numerusform>Lockout of %1 lifted after %n failed attempts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 sent to the central store again after %n attempt(s)</source>
        <translation>
            <numerusform>%1 sent to the central store again after %n attempt</numerusform>
            <numerusform>%1 sent to the central store again after %n attempts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stock count %1 posted: %n article(s), %2 counted of %3 expected, difference %4</source>
        <translation>
            <numerusform>Stock count %1 posted: %n article, %2 counted of %3 expected, difference %4</numerusform>
            <numerusform>Stock count %1 posted: %n articles, %2 counted of %3 expected, difference %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n article(s) not counted set to 0</source>
        <translation>
            <numerusform>, %n article not counted set to 0</numerusform>
            <numerusform>, %n articles not counted set to 0</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stock count %1 cancelled with %n article(s) counted</source>
        <translation>
            <numerusform>Stock count %1 cancelled with %n article counted</numerusform>
            <numerusform>Stock count %1 cancelled with %n articles counted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Transfer %1 from %2: %n unit(s) received</source>
        <translation>
            <numerusform>Transfer %1 from %2: %n unit received</numerusform>
            <numerusform>Transfer %1 from %2: %n units received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shelf label(s) on an A4 sheet (%1)</source>
        <translation>
            <numerusform>%n shelf label on an A4 sheet (%1)</numerusform>
            <numerusform>%n shelf labels on an A4 sheet (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n shelf label(s) printed on the receipt printer</source>
        <translation>
            <numerusform>%1 of %n shelf label printed on the receipt printer</numerusform>
            <numerusform>%1 of %n shelf labels printed on the receipt printer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message numerus="yes">
        <source>Cart (%n)</source>
        <translation>
            <numerusform>Cart (%n)</numerusform>
            <numerusform>Cart (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Are you still there? The kiosk starts over in %n second(s)</source>
        <translation>
            <numerusform>Are you still there? The kiosk starts over in %n second</numerusform>
            <numerusform>Are you still there? The kiosk starts over in %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelsPage</name>
    <message numerus="yes">
        <source>%n label(s) to print</source>
        <translation>
            <numerusform>%n label to print</numerusform>
            <numerusform>%n labels to print</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) added.</source>
        <translation>
            <numerusform>%n label added.</numerusform>
            <numerusform>%n labels added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) printed.</source>
        <translation>
            <numerusform>%n label printed.</numerusform>
            <numerusform>%n labels printed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s) saved: %1</source>
        <translation>
            <numerusform>%n sheet saved: %1</numerusform>
            <numerusform>%n sheets saved: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s) sent to the printer.</source>
        <translation>
            <numerusform>%n sheet sent to the printer.</numerusform>
            <numerusform>%n sheets sent to the printer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpenInvoicesDialog</name>
    <message numerus="yes">
        <source>%n open invoice(s), %1 in all.</source>
        <translation>
            <numerusform>%n open invoice, %1 in all.</numerusform>
            <numerusform>%n open invoices, %1 in all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue.</source>
        <translation>
            <numerusform>%n overdue.</numerusform>
            <numerusform>%n overdue.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderView</name>
    <message numerus="yes">
        <source>%n article(s), %1</source>
        <translation>
            <numerusform>%n article, %1</numerusform>
            <numerusform>%n articles, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This screen closes in %n second(s): tap Done when you are ready</source>
        <translation>
            <numerusform>This screen closes in %n second: tap Done when you are ready</numerusform>
            <numerusform>This screen closes in %n seconds: tap Done when you are ready</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message numerus="yes">
        <source>Overdue: %n day(s)</source>
        <translation>
            <numerusform>Overdue: %n day</numerusform>
            <numerusform>Overdue: %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PickupDialog</name>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProductView</name>
    <message numerus="yes">
        <source>%1: %n in stock</source>
        <translation>
            <numerusform>%1: %n in stock</numerusform>
            <numerusform>%1: %n in stock</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceivingPanel</name>
    <message numerus="yes">
        <source>%n unit(s) of transfer %1 did not come. Receive it with the shortfall recorded?</source>
        <translation>
            <numerusform>%n unit of transfer %1 did not come. Receive it with the shortfall recorded?</numerusform>
            <numerusform>%n units of transfer %1 did not come. Receive it with the shortfall recorded?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoveryBar</name>
    <message numerus="yes">
        <source>The till was restarted with a sale in progress: it is restored (%n item(s), %1 kr).</source>
        <translation>
            <numerusform>The till was restarted with a sale in progress: it is restored (%n item, %1 kr).</numerusform>
            <numerusform>The till was restarted with a sale in progress: it is restored (%n items, %1 kr).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Receipt(s) %1 never printed.</source>
        <translation>
            <numerusform>Receipt %1 was never printed.</numerusform>
            <numerusform>Receipts %1 were never printed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Log in to print them.</source>
        <translation>
            <numerusform>Log in to print it.</numerusform>
            <numerusform>Log in to print them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Print %n receipt(s)</source>
        <translation>
            <numerusform>Print the receipt</numerusform>
            <numerusform>Print %n receipts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printed %n receipt(s): %1.</source>
        <translation>
            <numerusform>Receipt %1 printed.</numerusform>
            <numerusform>Receipts %1 printed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message numerus="yes">
        <source>%n unit(s) can be returned: choose them, or scan the articles.</source>
        <translation>
            <numerusform>%n unit can be returned: choose it, or scan the article.</numerusform>
            <numerusform>%n units can be returned: choose them, or scan the articles.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n purchase(s): choose one (Enter)</source>
        <translation>
            <numerusform>%n purchase: choose it (Enter)</numerusform>
            <numerusform>%n purchases: choose one (Enter)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SalePage</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffCallBanner</name>
    <message numerus="yes">
        <source>and %n more call(s)</source>
        <translation>
            <numerusform>and %n more call</numerusform>
            <numerusform>and %n more calls</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StockCountPanel</name>
    <message numerus="yes">
        <source>%n chosen article(s)</source>
        <translation>
            <numerusform>%n chosen article</numerusform>
            <numerusform>%n chosen articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) differ by more than %1 units or %2 kr:</source>
        <translation>
            <numerusform>%n line differs by more than %1 units or %2 kr:</numerusform>
            <numerusform>%n lines differ by more than %1 units or %2 kr:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) were counted while the central store did not answer: their expected figure may be out of date, so the central store&apos;s stock is set to the counted figure. Sales made since they were counted are not kept: recount those articles if any were sold.</source>
        <translation>
            <numerusform>%n line was counted while the central store did not answer: its expected figure may be out of date, so the central store&apos;s stock is set to the counted figure. Sales made since it was counted are not kept: recount that article if any were sold.</numerusform>
            <numerusform>%n lines were counted while the central store did not answer: their expected figure may be out of date, so the central store&apos;s stock is set to the counted figure. Sales made since they were counted are not kept: recount those articles if any were sold.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StockLookupPanel</name>
    <message numerus="yes">
        <source>%n article(s) match: choose one.</source>
        <translation>
            <numerusform>%n article matches: choose one.</numerusform>
            <numerusform>%n articles match: choose one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UncountedDialog</name>
    <message numerus="yes">
        <source>%n article(s) not counted will be set to 0</source>
        <translation>
            <numerusform>%n article not counted will be set to 0</numerusform>
            <numerusform>%n articles not counted will be set to 0</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set %n article(s) to 0 and post</source>
        <translation>
            <numerusform>Set %n article to 0 and post</numerusform>
            <numerusform>Set %n articles to 0 and post</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WebCartBanner</name>
    <message numerus="yes">
        <source>Web cart %1 loaded: %n article(s), %2 kr.</source>
        <translation>
            <numerusform>Web cart %1 loaded: %n article, %2 kr.</numerusform>
            <numerusform>Web cart %1 loaded: %n articles, %2 kr.</numerusform>
        </translation>
    </message>
</context>
</TS>
