<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
    <name>SalePage</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
</TS>
