"""The demo store: a Swedish department store (Göteborg) with a store in Stockholm and a web shop.

Deterministic: products are listed here in a fixed order, prices and stock come from a seeded
``random.Random``, barcodes are numbered in that order. Two calls give equal data on any machine,
so the till's SQLite cache and the central store (Medusa, seeded from the same functions) agree.

Clothing, shoes, home and toys are 25 % VAT, food 12 %, books and magazines 6 %.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from sqlalchemy.orm import Session

from pos.catalog import CentralRefs, Variant, parse_net_content
from pos.gtin import with_check_digit
from pos.stock import StockLevel
from pos.vat import VatRate

EAN_PREFIX = "735012"  # 73: GS1 Sweden; then the (made-up) company number; 6 digits item number
HOME_LOCATION = "store-gbg"
LOCATIONS: tuple[tuple[str, str], ...] = (
    ("store-gbg", "Göteborg"),
    ("store-sthlm", "Stockholm"),
    ("web-warehouse", "Webblager"),
)


@dataclass(frozen=True)
class DemoProduct:
    id: str
    handle: str
    title: str
    category: str
    description: str
    vat_rate: VatRate
    variants: tuple[Variant, ...]


# --- the assortment ------------------------------------------------------------------------------

LETTER = ("XS", "S", "M", "L", "XL")
NUMBER = ("36", "38", "40", "42", "44", "46")
SHOE = tuple(str(s) for s in range(36, 47))
CHILD = ("92", "104", "116", "128", "140")
ONE = ("",)

COLOURS = {  # name -> SKU code
    "svart": "SVA", "vit": "VIT", "blå": "BLA", "grön": "GRO", "röd": "ROD", "grå": "GRA",
    "beige": "BEI", "marinblå": "MAR", "rosa": "ROS", "gul": "GUL", "brun": "BRU",
    "ljusblå": "LBL", "vinröd": "VIN", "olivgrön": "OLI", "natur": "NAT", "senap": "SEN",
}
C8 = ("svart", "vit", "blå", "grön", "röd", "grå", "beige", "marinblå")
C6 = ("svart", "grå", "marinblå", "beige", "vinröd", "olivgrön")
C4 = ("svart", "vit", "blå", "grå")
C3 = ("svart", "brun", "beige")

# (code, title, category, price in öre, sizes, colours, description)
CLOTHING = (
    ("TSH-BAS", "T-shirt Bas", "Dam & herr/Överdelar", 19900, LETTER, C8,
     "Rak t-shirt i ekologisk bomull. Tål 60 grader."),
    ("TSH-RAN", "T-shirt Randig", "Dam & herr/Överdelar", 24900, LETTER,
     ("marinblå", "röd", "svart", "grön", "gul", "ljusblå"), "Bretonrandig t-shirt i mjuk bomull."),
    ("LIN-BAS", "Linne Bas", "Dam/Överdelar", 12900, LETTER, C8, "Linne i stretchig bomull."),
    ("HUV-SKA", "Huvtröja Skärgård", "Dam & herr/Tröjor", 59900, LETTER, C6,
     "Huvtröja i borstad collegebomull med känguruficka."),
    ("COL-RUN", "Collegetröja Rundhals", "Dam & herr/Tröjor", 44900, LETTER, C8,
     "Klassisk collegetröja, ruggad insida."),
    ("STI-ULL", "Stickad tröja Ull", "Dam & herr/Tröjor", 89900, LETTER, C6,
     "Stickad tröja i merinoull från Sverige."),
    ("KOF-MOH", "Kofta Mohair", "Dam/Tröjor", 79900, LETTER, ("beige", "rosa", "grå", "senap"),
     "Luftig kofta i mohairblandning."),
    ("SKJ-OXF", "Skjorta Oxford", "Herr/Skjortor", 44900, LETTER, ("vit", "ljusblå", "rosa", "grå"),
     "Oxfordskjorta med button down-krage."),
    ("SKJ-FLA", "Skjorta Flanell", "Herr/Skjortor", 49900, LETTER, ("röd", "grön", "blå", "brun"),
     "Rutig flanellskjorta, varm och mjuk."),
    ("BLU-VIS", "Blus Viskos", "Dam/Blusar", 39900, NUMBER, ("svart", "vit", "grön", "rosa", "blå"),
     "Blus med volangärm i flytande viskos."),
    ("JNS-SLI", "Jeans Slim", "Dam & herr/Byxor", 69900, NUMBER,
     ("blå", "ljusblå", "svart", "grå"), "Smala jeans i stretchdenim."),
    ("JNS-RAK", "Jeans Rak", "Dam & herr/Byxor", 69900, NUMBER, ("blå", "ljusblå", "svart"),
     "Raka jeans med hög midja."),
    ("CHI-RAK", "Chinos Rak", "Herr/Byxor", 49900, NUMBER, ("beige", "marinblå", "olivgrön", "svart"),
     "Chinos i bomullstwill med lite stretch."),
    ("KJO-PLI", "Kjol Plisserad", "Dam/Kjolar", 54900, NUMBER, ("svart", "grön", "beige", "vinröd"),
     "Plisserad midikjol med resår i midjan."),
    ("KLA-MID", "Klänning Midsommar", "Dam/Klänningar", 79900, NUMBER,
     ("vit", "gul", "blå", "rosa", "grön"), "Blommig klänning i bomullsvoile."),
    ("KLA-STI", "Klänning Stickad", "Dam/Klänningar", 99900, NUMBER, ("svart", "grå", "vinröd", "beige"),
     "Stickad klänning i ullblandning."),
    ("SHO-LIN", "Shorts Linne", "Dam & herr/Byxor", 34900, LETTER, ("beige", "vit", "marinblå", "grön"),
     "Luftiga shorts i tvättat linne."),
    ("LEG-TRA", "Leggings Träning", "Sport", 39900, LETTER, ("svart", "grå", "marinblå", "vinröd"),
     "Leggings med hög midja och ficka."),
    ("TRB-TRA", "Träningsbyxor", "Sport", 44900, LETTER, ("svart", "grå", "marinblå"),
     "Mjukisbyxor med muddar och dragsko."),
    ("TRT-LOP", "Löpartröja", "Sport", 34900, LETTER, ("svart", "gul", "blå", "röd", "grön"),
     "Lätt funktionströja som andas."),
    ("REG-GBG", "Regnjacka Göteborg", "Ytterkläder", 129900, LETTER, ("gul", "svart", "grön", "marinblå", "röd"),
     "Vattentät regnjacka med tejpade sömmar. Gjord för västkusten."),
    ("VIN-NOR", "Vinterjacka Norrland", "Ytterkläder", 249900, LETTER, ("svart", "marinblå", "grön", "beige"),
     "Varm dunjacka med avtagbar luva."),
    ("KAP-ULL", "Kappa Ull", "Ytterkläder", 199900, NUMBER, ("svart", "grå", "beige", "vinröd"),
     "Lång kappa i ullblandning."),
    ("PYJ-FLA", "Pyjamas Flanell", "Dam & herr/Sov", 39900, LETTER, ("blå", "röd", "grå"),
     "Rutig pyjamas i mjuk flanell."),
    ("BAD-DRA", "Baddräkt", "Dam/Bad", 44900, NUMBER, ("svart", "marinblå", "röd", "grön"),
     "Baddräkt med formgivande foder."),
    ("BAD-SHO", "Badshorts", "Herr/Bad", 29900, LETTER, ("marinblå", "blå", "gul", "grön", "röd"),
     "Snabbtorkande badshorts med nätfoder."),
    ("KAL-3PK", "Kalsonger 3-pack", "Herr/Underkläder", 24900, LETTER, ("svart", "grå", "blå"),
     "Trikåkalsonger i bomull, tre par."),
    ("TRO-5PK", "Trosor 5-pack", "Dam/Underkläder", 19900, LETTER, ("svart", "vit", "beige", "rosa"),
     "Trosor i bomull med elastan, fem par."),
    ("STR-ULL", "Strumpor Ull 2-pack", "Accessoarer", 12900, ("36-40", "41-45"), C6,
     "Varma ullstrumpor, två par."),
    ("STR-5PK", "Strumpor 5-pack", "Accessoarer", 9900, ("36-40", "41-45"), C4,
     "Vardagsstrumpor i bomull, fem par."),
    ("MOS-RIB", "Mössa Ribbstickad", "Accessoarer", 14900, ONE, C8, "Ribbstickad mössa i ull."),
    ("HAL-ULL", "Halsduk Ull", "Accessoarer", 29900, ONE, C6, "Mjuk halsduk i lammull, 180 cm."),
    ("VAN-TOV", "Vantar Tovade", "Accessoarer", 24900, ("S/M", "L/XL"), ("grå", "röd", "svart", "natur"),
     "Tovade ullvantar, vindtäta."),
    ("POL-TRO", "Polotröja Merino", "Dam & herr/Tröjor", 69900, LETTER, C6,
     "Tunn polotröja i merinoull."),
    ("FLE-TRO", "Fleecetröja Fjäll", "Ytterkläder", 49900, LETTER, C6,
     "Varm fleecetröja av återvunnen polyester."),
    ("DUN-VAS", "Dunväst", "Ytterkläder", 119900, LETTER, ("svart", "marinblå", "olivgrön", "röd"),
     "Lätt dunväst som packas i egen ficka."),
    ("KAV-ULL", "Kavaj Ull", "Herr/Kavajer", 179900, NUMBER, ("grå", "marinblå", "brun"),
     "Kavaj i ullflanell, halvfodrad."),
    ("PIK-BAS", "Pikétröja", "Herr/Överdelar", 34900, LETTER, C8, "Piké i bomullspiké."),
    ("SKK-LIN", "Skjortklänning Linne", "Dam/Klänningar", 89900, NUMBER,
     ("vit", "blå", "beige", "grön", "svart"), "Skjortklänning i tvättat linne med skärp."),
    ("TIG-2PK", "Strumpbyxor 40 den 2-pack", "Dam/Underkläder", 14900, LETTER,
     ("svart", "brun", "marinblå", "grå"), "Matta strumpbyxor, två par."),
    ("MOR-ROC", "Morgonrock Frotté", "Dam & herr/Sov", 59900, LETTER, ("vit", "grå", "blå", "rosa"),
     "Morgonrock i mjuk frotté med sjalkrage."),
    ("VIB-SKI", "Vinterbyxor Skid", "Sport", 99900, LETTER, ("svart", "blå", "röd", "grön"),
     "Vattentäta vinterbyxor med hängslen."),
    ("SWS-BAS", "Mjukisshorts", "Dam & herr/Byxor", 24900, LETTER, C6, "Shorts i collegebomull."),
    ("KJO-JEA", "Jeanskjol", "Dam/Kjolar", 49900, NUMBER, ("blå", "ljusblå", "svart"),
     "Knälång kjol i denim med knappar."),
    ("BYX-LIN", "Byxor Linne", "Dam & herr/Byxor", 59900, NUMBER, ("beige", "vit", "svart", "olivgrön", "blå"),
     "Vida byxor i tvättat linne."),
    ("LIN-RIB", "Linne Ribb", "Dam/Överdelar", 14900, LETTER, C8, "Ribbat linne i bomull och modal."),
    ("TUN-VIS", "Tunika Viskos", "Dam/Blusar", 44900, NUMBER, C6, "Lång tunika med slits i sidorna."),
    ("BAL-LAD", "Bälte Läder", "Accessoarer", 34900, ("80", "90", "100", "110"), ("svart", "brun"),
     "Bälte i vegetabiliskt garvat läder."),
)

SHOES = (
    ("SNE-STA", "Sneakers Stad", 89900, ("vit", "svart", "grå", "blå", "grön"), "Lätta sneakers i läder."),
    ("KAN-VIN", "Kängor Vinter", 149900, ("svart", "brun", "grå"), "Fodrade vinterkängor med dubbsula."),
    ("GUM-STO", "Gummistövlar", 49900, ("svart", "grön", "gul", "röd"), "Gummistövlar i naturgummi."),
    ("TOF-FIL", "Tofflor Filt", 29900, ("grå", "röd", "natur", "blå"), "Tofflor i tovad ullfilt."),
    ("SAN-SOM", "Sandaler Sommar", 44900, ("brun", "svart", "beige"), "Sandaler med korkbädd."),
    ("LOP-SKO", "Löparskor Terräng", 119900, ("svart", "blå", "grön"), "Löparskor med grovt mönster."),
    ("BAL-SKO", "Ballerinaskor", 59900, ("svart", "beige", "röd"), "Mjuka ballerinaskor i skinn."),
    ("LOA-LAD", "Loafers Läder", 99900, ("svart", "brun"), "Loafers i mjukt skinn."),
)

CHILDREN = (
    ("BTS-BAS", "Barn T-shirt Bas", 9900, ("vit", "blå", "gul", "grön", "rosa", "röd"),
     "T-shirt i ekologisk bomull för barn."),
    ("BOV-REG", "Barn Regnställ", 39900, ("gul", "blå", "rosa", "grön"), "Regnställ med jacka och byxor."),
    ("BMJ-BYX", "Barn Mjukisbyxor", 14900, ("grå", "marinblå", "svart", "rosa"), "Mjukisbyxor med resår."),
    ("BOV-VIN", "Barn Vinteroverall", 89900, ("svart", "blå", "röd", "rosa", "grön"),
     "Vattentät och varm vinteroverall."),
    ("BJE-JNS", "Barn Jeans", 24900, ("blå", "ljusblå", "svart"), "Jeans med justerbar midja."),
    ("BFL-TRO", "Barn Fleecetröja", 19900, ("röd", "blå", "grön", "rosa", "gul"), "Fleece som värmer."),
    ("BKL-SOM", "Barn Klänning Sommar", 24900, ("gul", "rosa", "blå", "vit"), "Klänning i bomull."),
    ("BPY-BOM", "Barn Pyjamas", 19900, ("blå", "rosa", "grön", "grå"), "Pyjamas i ekologisk bomull."),
    ("BST-TRO", "Barn Stickad tröja", 29900, ("röd", "grå", "blå", "gul"), "Stickad tröja i ull."),
)

# (code, title, category, price, (variant label, price factor) list, colours, description)
HOME = (
    ("PAS-PER", "Påslakan Perkal", "Hem/Sängkläder", 44900, (("150x210", 1.0), ("220x220", 1.45)),
     ("vit", "grå", "beige", "blå", "grön", "rosa"), "Påslakan i tätvävd perkal, 200 trådar."),
    ("ORN-PER", "Örngott Perkal", "Hem/Sängkläder", 12900, (("50x60", 1.0), ("60x70", 1.1)),
     ("vit", "grå", "beige", "blå", "grön", "rosa"), "Örngott i perkal."),
    ("HAN-FRO", "Handduk Frotté", "Hem/Badrum", 9900, (("30x50", 0.5), ("50x70", 1.0), ("70x140", 2.0)),
     ("vit", "grå", "blå", "grön", "rosa", "beige", "svart"), "Tjock frottéhandduk, 500 g/m²."),
    ("PLA-ULL", "Pläd Ull", "Hem/Textil", 79900, (("130x170", 1.0),),
     ("grå", "röd", "grön", "beige", "senap"), "Pläd i svensk ull med fransar."),
    ("GAR-LIN", "Gardin Linne 2-pack", "Hem/Textil", 59900, (("140x250", 1.0),),
     ("vit", "natur", "grå", "grön"), "Gardinlängder i tvättat linne."),
    ("KUD-FOD", "Kuddfodral Sammet", "Hem/Textil", 19900, (("50x50", 1.0),),
     ("grön", "rosa", "blå", "senap", "vinröd", "grå"), "Kuddfodral i bomullssammet."),
    ("KOP-STE", "Kaffekopp Stengods", "Hem/Kök", 8900, (("", 1.0),),
     ("vit", "blå", "grön", "grå", "beige"), "Handglaserad kopp, 30 cl."),
    ("TAL-STE", "Tallrik Stengods", "Hem/Kök", 12900, (("21 cm", 0.8), ("27 cm", 1.0)),
     ("vit", "blå", "grön", "grå"), "Tallrik i stengods, tål diskmaskin."),
    ("SKA-STE", "Skål Stengods", "Hem/Kök", 9900, (("15 cm", 1.0),), ("vit", "blå", "grön", "grå"),
     "Skål för gröt och fil."),
    ("DOF-LJU", "Doftljus", "Hem/Inredning", 24900, (("Lingon", 1.0), ("Tall", 1.0), ("Vanilj", 1.0),
                                                    ("Havsbris", 1.0)), ("",), "Doftljus i glas, 40 timmar."),
    ("KRO-LJU", "Kronljus 10-pack", "Hem/Inredning", 9900, (("", 1.0),), ("vit", "röd", "grön", "gul"),
     "Droppfria kronljus."),
)

HOUSEWARE = (  # one colour: (code, title, category, price, labels)
    ("STE-GJU", "Stekpanna Gjutjärn", "Hem/Kök", 59900, (("24 cm", 1.0), ("28 cm", 1.25))),
    ("KAS-STA", "Kastrull Rostfri", "Hem/Kök", 49900, (("1,5 l", 0.8), ("3 l", 1.0), ("5 l", 1.3))),
    ("SKB-EK", "Skärbräda Ek", "Hem/Kök", 39900, (("Liten", 0.75), ("Stor", 1.0))),
    ("GLA-4PK", "Dricksglas 4-pack", "Hem/Kök", 19900, (("20 cl", 1.0), ("35 cl", 1.25))),
    ("KNI-KOK", "Kockkniv", "Hem/Kök", 69900, (("15 cm", 0.85), ("20 cm", 1.0))),
    ("BRO-KOR", "Brödkorg Björk", "Hem/Kök", 22900, (("", 1.0),)),
    ("VAS-GLA", "Vas Munblåst glas", "Hem/Inredning", 44900, (("Låg", 0.8), ("Hög", 1.0))),
    ("LAM-BOR", "Bordslampa Mässing", "Hem/Belysning", 129900, (("", 1.0),)),
    ("KUD-DUN", "Huvudkudde Dun", "Hem/Sängkläder", 59900, (("50x60", 1.0), ("60x70", 1.15))),
    ("TAC-SOM", "Täcke Sommar", "Hem/Sängkläder", 79900, (("150x210", 1.0), ("220x220", 1.5))),
)

TOYS = (
    ("DAL-HAS", "Dalahäst", 19900, (("10 cm", 1.0), ("15 cm", 1.75), ("20 cm", 2.5)), ("röd", "blå", "natur"),
     "Handmålad dalahäst från Nusnäs."),
    ("GOS-DJU", "Gosedjur", 19900, (("Liten", 1.0), ("Stor", 1.75)), ("",), "Mjukt gosedjur, från 0 år."),
    ("TRA-KLO", "Träklossar 50 st", 34900, (("", 1.0),), ("natur", "röd"), "Klossar i bok."),
    ("LEK-BIL", "Leksaksbil Trä", 14900, (("", 1.0),), ("röd", "blå", "gul", "grön"), "Bil i massivt trä."),
    ("DOC-TYG", "Docka Tyg", 29900, (("", 1.0),), ("rosa", "blå", "gul"), "Tygdocka med klänning."),
    ("HOP-REP", "Hopprep", 7900, (("", 1.0),), ("röd", "blå", "grön"), "Hopprep med trähandtag."),
)
ANIMALS = ("Älg", "Björn", "Räv", "Kanin", "Igelkott", "Säl")
PUZZLES = ("Skärgården", "Göteborgs hamn", "Gamla stan", "Fjällen", "Midsommar", "Älgar i skogen",
           "Kräftskiva", "Liseberg")
GAMES = (("SPE-FIA", "Fia med knuff", 19900), ("SPE-MEM", "Memory Svenska djur", 14900),
         ("SPE-ALF", "Alfapet", 34900), ("SPE-KOR", "Kortlek", 4900), ("SPE-SCH", "Schack Trä", 29900),
         ("SPE-YAT", "Yatzy", 9900), ("SPE-LUD", "Ludo Familj", 24900))

# (code, title, category, price, labels) at 12 %
FOOD = (
    ("KAF-MEL", "Kaffe Mellanrost", "Mat/Kaffe & te", 5990, (("450 g", 1.0), ("1 kg", 2.1))),
    ("KAF-MOR", "Kaffe Mörkrost", "Mat/Kaffe & te", 5990, (("450 g", 1.0), ("1 kg", 2.1))),
    ("KAF-EKO", "Bryggkaffe Ekologiskt", "Mat/Kaffe & te", 6990, (("450 g", 1.0),)),
    ("KAF-BON", "Kaffebönor Espresso", "Mat/Kaffe & te", 12900, (("500 g", 1.0), ("1 kg", 1.9))),
    ("TE-EAR", "Te Earl Grey", "Mat/Kaffe & te", 4990, (("20 påsar", 1.0), ("100 g löst", 1.3))),
    ("TE-ROO", "Te Rooibos Apelsin", "Mat/Kaffe & te", 4990, (("20 påsar", 1.0),)),
    ("CHO-MJO", "Mjölkchoklad", "Mat/Godis", 2490, (("100 g", 1.0), ("200 g", 1.8))),
    ("CHO-MOR", "Mörk choklad 70 %", "Mat/Godis", 2990, (("100 g", 1.0),)),
    ("CHO-HAS", "Chokladkaka Hasselnöt", "Mat/Godis", 2790, (("100 g", 1.0),)),
    ("KOL-SAL", "Kola Havssalt", "Mat/Godis", 3990, (("150 g", 1.0),)),
    ("POL-GRI", "Polkagris Gränna", "Mat/Godis", 3490, (("Pepparmint", 1.0), ("Jordgubb", 1.0),
                                                      ("Päron", 1.0))),
    ("LAK-SAL", "Lakrits Saltlakrits", "Mat/Godis", 3290, (("150 g", 1.0),)),
    ("KNA-RAG", "Knäckebröd Råg", "Mat/Skafferi", 2490, (("520 g", 1.0),)),
    ("KNA-SES", "Knäckebröd Sesam", "Mat/Skafferi", 2990, (("440 g", 1.0),)),
    ("SYL-LIN", "Lingonsylt", "Mat/Skafferi", 3490, (("400 g", 1.0), ("800 g", 1.75))),
    ("SYL-HJO", "Hjortronsylt", "Mat/Skafferi", 12900, (("210 g", 1.0),)),
    ("SYL-JOR", "Jordgubbssylt", "Mat/Skafferi", 3290, (("400 g", 1.0),)),
    ("SYL-BLA", "Blåbärssylt", "Mat/Skafferi", 3990, (("400 g", 1.0),)),
    ("MAR-APE", "Marmelad Apelsin", "Mat/Skafferi", 3990, (("400 g", 1.0),)),
    ("HON-SKO", "Honung Skogshonung", "Mat/Skafferi", 8990, (("350 g", 1.0),)),
    ("SAF-FLA", "Saft Fläder", "Mat/Dryck", 3990, (("50 cl", 1.0), ("1 l", 1.6))),
    ("SAF-LIN", "Saft Lingon", "Mat/Dryck", 3990, (("50 cl", 1.0),)),
    ("MUS-SOT", "Must Äpple", "Mat/Dryck", 2990, (("75 cl", 1.0),)),
    ("PEP-KAK", "Pepparkakor", "Mat/Bageri", 3490, (("300 g", 1.0), ("Burk 600 g", 2.2))),
    ("HAV-KAK", "Havrekakor", "Mat/Bageri", 2990, (("250 g", 1.0),)),
    ("KAN-BUL", "Kanelbullar 6-pack", "Mat/Bageri", 4990, (("", 1.0),)),
    ("KAV-MIL", "Kaviar Mild", "Mat/Skafferi", 2990, (("190 g", 1.0), ("300 g", 1.4))),
    ("SIL-INL", "Inlagd sill", "Mat/Skafferi", 3990, (("Löksill", 1.0), ("Senapssill", 1.0),
                                                     ("Matjessill", 1.1))),
    ("SEN-SOT", "Senap Söt och stark", "Mat/Skafferi", 2990, (("300 g", 1.0),)),
    ("MAN-MAS", "Mandelmassa", "Mat/Bakning", 3490, (("200 g", 1.0), ("400 g", 1.8))),
    ("PAR-SOC", "Pärlsocker", "Mat/Bakning", 1990, (("250 g", 1.0),)),
    ("VAN-SOC", "Vaniljsocker", "Mat/Bakning", 2290, (("100 g", 1.0),)),
    ("KAR-KRY", "Kardemumma Hel", "Mat/Bakning", 3990, (("40 g", 1.0),)),
    ("SAF-KRY", "Saffran", "Mat/Bakning", 3490, (("0,5 g", 1.0), ("1 g", 1.9))),
    ("GLO-ALK", "Glögg Alkoholfri", "Mat/Dryck", 4490, (("75 cl", 1.0),)),
    ("JUL-MUS", "Julmust", "Mat/Dryck", 1990, (("33 cl", 1.0), ("1,4 l", 1.9))),
    ("GRA-KOL", "Gräddkola", "Mat/Godis", 2990, (("200 g", 1.0),)),
    ("MAR-GRI", "Marsipangris", "Mat/Godis", 2490, (("50 g", 1.0), ("150 g", 2.2))),
    ("PUN-PRA", "Punschpraliner", "Mat/Godis", 5990, (("150 g", 1.0),)),
    ("OST-KAK", "Ostkaka Småländsk", "Mat/Skafferi", 4990, (("500 g", 1.0),)),
    ("KRI-BRO", "Kryddbröd Västkust", "Mat/Bageri", 3990, (("400 g", 1.0),)),
    ("TUN-BRO", "Tunnbröd Norrländskt", "Mat/Bageri", 3290, (("4-pack", 1.0), ("8-pack", 1.8))),
    ("OL-ALK", "Öl Alkoholfri Ljus lager", "Mat/Dryck", 1990, (("33 cl", 1.0), ("6-pack", 5.5))),
    ("HAV-GRY", "Havregryn Ekologiska", "Mat/Skafferi", 2490, (("750 g", 1.0), ("1,5 kg", 1.8))),
)

# Sold by weight at 12 %, each with its short number (PLU) for the store's scale labels:
# (code, title, category, price per kg in öre, PLU). A scale prints a weight label (prefix 23:
# kg with three decimals) or a price label (prefix 20: kronor with two decimals) with the PLU
# as the article part, e.g. 23 000101 0512 C: 0,512 kg of the first (see README).
WEIGHED = (
    ("LOS-GOD", "Lösgodis Plock & mix", "Mat/Godis", 8990, "101"),
    ("KAF-LOS", "Kaffebönor Lösvikt Mörkrost", "Mat/Kaffe & te", 24900, "102"),
    ("OST-VAS", "Västerbottensost Bit", "Mat/Ost", 29900, "201"),
)

# (title, author) at 6 %
BOOKS = (
    ("Röda rummet", "August Strindberg"), ("Hemsöborna", "August Strindberg"),
    ("Gösta Berlings saga", "Selma Lagerlöf"),
    ("Nils Holgerssons underbara resa genom Sverige", "Selma Lagerlöf"),
    ("Jerusalem", "Selma Lagerlöf"), ("Kejsarn av Portugallien", "Selma Lagerlöf"),
    ("Doktor Glas", "Hjalmar Söderberg"), ("Den allvarsamma leken", "Hjalmar Söderberg"),
    ("Pippi Långstrump", "Astrid Lindgren"), ("Mio, min Mio", "Astrid Lindgren"),
    ("Bröderna Lejonhjärta", "Astrid Lindgren"), ("Ronja Rövardotter", "Astrid Lindgren"),
    ("Emil i Lönneberga", "Astrid Lindgren"), ("Karlsson på taket", "Astrid Lindgren"),
    ("Utvandrarna", "Vilhelm Moberg"), ("Invandrarna", "Vilhelm Moberg"),
    ("Nybyggarna", "Vilhelm Moberg"), ("Sista brevet till Sverige", "Vilhelm Moberg"),
    ("Kallocain", "Karin Boye"), ("Det går an", "Carl Jonas Love Almqvist"),
    ("Vägen till Klockrike", "Harry Martinson"), ("Aniara", "Harry Martinson"),
    ("Hunden", "Kerstin Ekman"), ("Händelser vid vatten", "Kerstin Ekman"),
    ("Fröken Julie", "August Strindberg"), ("Sagan om Fasse Fisk", "Elsa Beskow"),
    ("Tomtebobarnen", "Elsa Beskow"), ("Puttes äventyr i blåbärsskogen", "Elsa Beskow"),
    ("Svensk husmanskost", "Tore Wretman"), ("Sju sorters kakor", "Ica"),
    ("Bakboken", "Hemmets kök"), ("Svampboken", "Naturskolan"),
    ("Fåglar i Sverige", "Naturskolan"), ("Vandra i Bohuslän", "Turistföreningen"),
    ("Göteborgs historia", "Stadsmuseet"), ("Stockholms gator", "Stadsmuseet"),
    ("Trädgårdens år", "Odla själv"), ("Sticka mössor och vantar", "Handarbetets vänner"),
    ("Min första ordbok", "Bokförlaget Lära"), ("Svenska fjällen", "Turistföreningen"),
)
BOOK_FORMATS = (("Inbunden", "INB", 1.0), ("Pocket", "POC", 0.45), ("Ljudbok CD", "CD", 0.8))
MAGAZINES = (("MAG-HEM", "Tidningen Hem & Trädgård", 8900), ("MAG-MAT", "Tidningen Mat & Vin", 9900),
             ("MAG-SEG", "Tidningen Segling", 11900), ("MAG-BAR", "Kalle Anka & C:o", 4900),
             ("MAG-VET", "Tidningen Vetenskap", 9500), ("MAG-STI", "Tidningen Stickat", 8900))


# --- building ------------------------------------------------------------------------------------

def _sku_part(text: str) -> str:
    text = (text.upper().replace("Å", "A").replace("Ä", "A").replace("Ö", "O")
            .replace("É", "E").replace(",", "_"))
    return re.sub(r"[^A-Z0-9_]+", "", text)


def _handle(text: str) -> str:
    text = text.lower()
    for a, b in (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e"), ("&", "och")):
        text = text.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _price(base: int, factor: float = 1.0) -> int:
    """A shelf price near base*factor: under 100 kr it ends in ,90; above, in 9 whole kronor."""
    if factor == 1.0:
        return base
    value = base * factor
    if value < 10000:
        return max(int(round(value / 100.0)), 1) * 100 - 10
    return int(round(value / 1000.0)) * 1000 - 100


class _Builder:
    def __init__(self) -> None:
        self.products: list[DemoProduct] = []
        self.next_item = 1
        self.skus: set[str] = set()

    def ean(self) -> str:
        body = f"{EAN_PREFIX}{self.next_item:06d}"
        self.next_item += 1
        return with_check_digit(body)

    def product(self, code: str, title: str, category: str, description: str, vat: VatRate,
                rows: list[tuple[str, str, int]], *, name_of=None) -> None:
        """``rows``: (size, colour, price) per variant, in order."""
        pid = "prod_" + _sku_part(code).lower()
        variants = []
        for size, colour, price in rows:
            parts = [code] + ([COLOURS[colour]] if colour else []) + ([_sku_part(size)] if size else [])
            sku = "-".join(parts)
            assert sku not in self.skus, sku
            self.skus.add(sku)
            name = ", ".join([title] + [p for p in (colour, size) if p]) if name_of is None \
                else name_of(size, colour)
            vid = "var_" + sku.lower()
            net = _net_content(category, size)
            variants.append(Variant(id=vid, sku=sku, ean=self.ean(), name=name,
                                    price=price, vat_rate=vat, product_id=pid, product_name=title,
                                    size=size, colour=colour,
                                    refs=CentralRefs(vid, pid, (category_ref(category),)),
                                    net_quantity=net[0] if net else None,
                                    net_unit=net[1] if net else ""))
        self.products.append(DemoProduct(pid, _handle(title), title, category, description, vat,
                                         tuple(variants)))


def _net_content(category: str, size: str) -> tuple[Decimal, str] | None:
    """Food packages carry their net content in the size ("450 g", "50 cl"): the shelf label's
    comparison price needs it (a pan's "1,5 l" is its size, not its content)."""
    return parse_net_content(size) if category.startswith("Mat/") else None


def category_ref(name: str) -> str:
    """The demo catalogue's own id of a category (the central store has its own after a sync)."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower().translate(str.maketrans("åäöé", "aaoe")))
    return "pcat_" + slug.strip("-")


def _size_factor(size: str, sizes: tuple[str, ...]) -> float:
    return 1.1 if sizes == CHILD and size in ("128", "140") else 1.0


@lru_cache(maxsize=1)
def _build() -> tuple[DemoProduct, ...]:
    b = _Builder()
    S = VatRate.STANDARD
    colours: tuple[str, ...]  # the tables below have colour tuples of every length
    for code, title, cat, price, sizes, colours, desc in CLOTHING:
        b.product(code, title, cat, desc, S,
                  [(size, colour, price) for colour in colours for size in sizes])
    for code, title, price, colours, desc in SHOES:
        b.product(code, title, "Skor", desc, S, [(size, c, price) for c in colours for size in SHOE])
    for code, title, price, colours, desc in CHILDREN:
        b.product(code, title, "Barn/Kläder", desc, S,
                  [(size, c, _price(price, _size_factor(size, CHILD))) for c in colours for size in CHILD])
    for code, title, cat, price, labels, colours, desc in HOME:
        b.product(code, title, cat, desc, S,
                  [(label, c, _price(price, f)) for c in colours for label, f in labels])
    for code, title, cat, price, labels in HOUSEWARE:
        b.product(code, title, cat, f"{title}. Tål att användas varje dag.", S,
                  [(label, "", _price(price, f)) for label, f in labels])
    for code, title, price, labels, colours, desc in TOYS:
        if code == "GOS-DJU":
            for animal in ANIMALS:
                b.product(f"GOS-{_sku_part(animal)[:3]}", f"Gosedjur {animal}", "Leksaker", desc, S,
                          [(label, "", _price(price, f)) for label, f in labels])
            continue
        b.product(code, title, "Leksaker", desc, S,
                  [(label, c, _price(price, f)) for c in colours for label, f in labels])
    for i, motif in enumerate(PUZZLES, start=1):
        b.product(f"PUS-{i:02d}", f"Pussel {motif}", "Leksaker/Pussel", "Pussel av returkartong.", S,
                  [(n, "", p) for n, p in (("500 bitar", 14900), ("1000 bitar", 19900))])
    for code, title, price in GAMES:
        b.product(code, title, "Leksaker/Spel", f"{title}: sällskapsspel för hela familjen.", S,
                  [("", "", price)])
    for code, title, cat, price, labels in FOOD:
        b.product(code, title, cat, f"{title}. Svensk klassiker i skafferiet.", VatRate.FOOD,
                  [(label, "", _price(price, f)) for label, f in labels])
    rng = random.Random(6)
    for i, (title, author) in enumerate(BOOKS, start=1):
        base = rng.choice((19900, 22900, 24900, 27900, 29900, 34900))
        b.product(f"BOK-{i:03d}", title, "Böcker", f"{title} av {author}.", VatRate.REDUCED,
                  [(fmt, "", _price(base, f)) for fmt, _c, f in BOOK_FORMATS],
                  name_of=lambda size, _c, t=title, a=author: f"{t} ({a}), {size.lower()}")
    for code, title, price in MAGAZINES:
        b.product(code, title, "Tidningar", f"{title}, lösnummer.", VatRate.REDUCED,
                  [(f"Nr {n}", "", price) for n in range(1, 13)],
                  name_of=lambda size, _c, t=title: f"{t} {size.lower()} 2026")
    # last, so the articles above keep their barcodes
    for code, title, cat, price, plu in WEIGHED:
        b.product(code, title, cat, f"{title}. Säljs per kilo.", VatRate.FOOD, [("", "", price)])
        p = b.products[-1]
        b.products[-1] = replace(p, variants=tuple(replace(v, plu=plu, unit="kg")
                                                   for v in p.variants))
    return tuple(b.products)


def demo_catalog() -> list[DemoProduct]:
    """The demo store's products with their variants, always the same."""
    return list(_build())


def demo_variants() -> list[Variant]:
    return [v for p in _build() for v in p.variants]


@lru_cache(maxsize=1)
def _stock() -> tuple[StockLevel, ...]:
    rng = random.Random(2026)
    levels: list[StockLevel] = []
    for v in demo_variants():
        roll = rng.random()
        if roll < 0.04:  # sold out everywhere
            here = there = web = 0
        elif roll < 0.14:  # only in the other store
            here, there, web = 0, rng.randint(1, 12), 0
        elif roll < 0.26:  # only online
            here, there, web = 0, 0, rng.randint(3, 80)
        elif roll < 0.36:  # not here, but elsewhere
            here, there, web = 0, rng.randint(1, 8), rng.randint(1, 40)
        else:
            here, there, web = rng.randint(1, 25), rng.randint(0, 15), rng.randint(0, 120)
        counts = (here, there, web)
        for (loc, name), stocked in zip(LOCATIONS, counts):
            reserved = rng.randint(1, stocked) if stocked > 2 and rng.random() < 0.1 else 0
            levels.append(StockLevel(v.id, loc, name, stocked, reserved))
    return tuple(levels)


def demo_stock() -> list[StockLevel]:
    """Stock of every demo variant at Göteborg (this store), Stockholm and the web warehouse."""
    return list(_stock())


def load_demo_catalog(session: Session) -> int:
    """Write the demo catalogue and stock (insert or update); returns the number of variants.
    Does not commit: the caller owns the transaction."""
    from pos.db.catalog_repository import CatalogRepository

    repo = CatalogRepository(session)
    n = repo.bulk_upsert(demo_variants())
    repo.set_stock(_stock())
    return n
