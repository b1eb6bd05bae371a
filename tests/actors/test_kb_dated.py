"""The dated actor suite: sentences written for Dyad, each naming someone whose code and sector
depend on the date - ministers of some sixty countries, heads of international bodies, people who
changed office, the names the press uses for them, and states that no longer exist.

Each case is (date, sentence, mention, expected code, expected sector). Facts are public record
(checked against Wikidata's terms of office); the sentences are our own.
"""

from __future__ import annotations

import pytest

GOV = "GOV"

# --- foreign, defence, interior and finance ministers in mid-2022, named without their country -----
MINISTERS_2022 = [
    ("AGO", "Tete António"),
    ("ALB", "Olta Xhaçka"),
    ("ARG", "Santiago Cafiero"),
    ("ARM", "Ararat Mirzoyan"),
    ("AZE", "Jeyhun Bayramov"),
    ("BDI", "Albert Shingiro"),
    ("BGD", "Abul Kalam Abdul Momen"),
    ("BLR", "Vladimir Makei"),
    ("BOL", "Rogelio Mayta"),
    ("BWA", "Lemogang Kwape"),
    ("CAN", "Mélanie Joly"),
    ("CHN", "Wang Yi"),
    ("CZE", "Jan Lipavský"),
    ("DNK", "Jeppe Kofod"),
    ("DZA", "Ramtane Lamamra"),
    ("EGY", "Sameh Shoukry"),
    ("FIN", "Pekka Haavisto"),
    ("GEO", "Ilia Darchiashvili"),
    ("GRC", "Nikos Dendias"),
    ("HUN", "Péter Szijjártó"),
    ("IDN", "Retno Marsudi"),
    ("IRN", "Hossein Amirabdollahian"),
    ("IRQ", "Fuad Hussein"),
    ("IRL", "Simon Coveney"),
    ("ITA", "Luigi Di Maio"),
    ("JPN", "Yoshimasa Hayashi"),
    ("KAZ", "Mukhtar Tleuberdi"),
    ("KEN", "Raychelle Omamo"),
    ("LBN", "Abdallah Bou Habib"),
    ("LBY", "Najla Mangoush"),
    ("LTU", "Gabrielius Landsbergis"),
    ("LUX", "Jean Asselborn"),
    ("LVA", "Edgars Rinkēvičs"),
    ("MAR", "Nasser Bourita"),
    ("MDA", "Nicu Popescu"),
    ("MEX", "Marcelo Ebrard"),
    ("MKD", "Bujar Osmani"),
    ("MYS", "Saifuddin Abdullah"),
    ("NGA", "Geoffrey Onyeama"),
    ("NLD", "Wopke Hoekstra"),
    ("NOR", "Anniken Huitfeldt"),
    ("NZL", "Nanaia Mahuta"),
    ("PAK", "Bilawal Bhutto Zardari"),
    ("POL", "Zbigniew Rau"),
    ("PRT", "João Gomes Cravinho"),
    ("ROU", "Bogdan Aurescu"),
    ("RWA", "Vincent Biruta"),
    ("SEN", "Aissata Tall Sall"),
    ("SGP", "Vivian Balakrishnan"),
    ("SRB", "Nikola Selaković"),
    ("SVK", "Ivan Korčok"),
    ("SWE", "Ann Linde"),
    ("SYR", "Faisal Mekdad"),
    ("TUN", "Othman Jerandi"),
    ("TUR", "Mevlüt Çavuşoğlu"),
    ("UKR", "Dmytro Kuleba"),
    ("URY", "Francisco Bustillo"),
    ("ZAF", "Naledi Pandor"),
    ("ZWE", "Frederick Shava"),
    ("ZMB", "Stanley Kakubo"),
    ("TZA", "Liberata Mulamula"),
    ("NIC", "Denis Moncada"),
    ("EST", "Kalle Laanet"),
    # defence
    ("FRA", "Sébastien Lecornu"),
    ("ISR", "Benny Gantz"),
    ("JPN", "Nobuo Kishi"),
    ("UKR", "Oleksii Reznikov"),
    ("POL", "Mariusz Błaszczak"),
    ("TUR", "Hulusi Akar"),
    ("ITA", "Lorenzo Guerini"),
    ("ESP", "Margarita Robles"),
    ("CAN", "Anita Anand"),
    ("CHN", "Wei Fenghe"),
    ("IND", "Rajnath Singh"),
    ("MYS", "Hishammuddin Hussein"),
    ("SGP", "Ng Eng Hen"),
    ("SWE", "Peter Hultqvist"),
    ("AUT", "Klaudia Tanner"),
    ("NLD", "Kajsa Ollongren"),
    ("ZAF", "Thandi Modise"),
    ("PHL", "Delfin Lorenzana"),
    ("KOR", "Lee Jong-sup"),
    ("FIN", "Antti Kaikkonen"),
    ("LVA", "Artis Pabriks"),
    ("LTU", "Arvydas Anušauskas"),
    ("AZE", "Zakir Hasanov"),
    # interior
    ("FRA", "Gérald Darmanin"),
    ("IND", "Amit Shah"),
    ("TUR", "Süleyman Soylu"),
    ("ITA", "Luciana Lamorgese"),
    ("IRN", "Ahmad Vahidi"),
    ("MYS", "Hamzah Zainuddin"),
    ("RUS", "Vladimir Kolokoltsev"),
    ("POL", "Mariusz Kamiński"),
    ("AUT", "Gerhard Karner"),
    ("CZE", "Vít Rakušan"),
    ("KOR", "Lee Sang-min"),
    ("SRB", "Aleksandar Vulin"),
    ("ISR", "Ayelet Shaked"),
    ("MAR", "Abdelouafi Laftit"),
    # finance
    ("USA", "Janet Yellen"),
    ("FRA", "Bruno Le Maire"),
    ("CAN", "Chrystia Freeland"),
    ("IND", "Nirmala Sitharaman"),
    ("IDN", "Sri Mulyani Indrawati"),
    ("ZWE", "Mthuli Ncube"),
    ("GHA", "Ken Ofori-Atta"),
    ("ZAF", "Enoch Godongwana"),
    ("NGA", "Zainab Ahmed"),
    ("IRL", "Paschal Donohoe"),
    ("ITA", "Daniele Franco"),
    ("CHL", "Mario Marcel"),
    ("SRB", "Siniša Mali"),
    ("NZL", "Grant Robertson"),
    ("PAK", "Miftah Ismail"),
    ("TUR", "Nureddin Nebati"),
    ("ISR", "Avigdor Lieberman"),
]
SENTENCE = "{name} met reporters on Tuesday and promised a decision within weeks."

CASES: list[tuple[str, str, str, str, str | None]] = [
    ("2022-06-15", SENTENCE.format(name=name), name, code, GOV) for code, name in MINISTERS_2022
]

# --- heads of international organisations -----------------------------------------------------------
CASES += [
    ("2023-05-02", "António Guterres urged both sides to return to talks.", "António Guterres", "IGO", GOV),
    (
        "2022-03-10",
        "Tedros Adhanom Ghebreyesus warned that the outbreak was spreading.",
        "Tedros Adhanom Ghebreyesus",
        "IGO",
        GOV,
    ),
    ("2023-09-01", "Rafael Grossi said inspectors had reached the plant.", "Rafael Grossi", "IGO", GOV),
    ("2022-10-12", "Kristalina Georgieva cut the growth forecast again.", "Kristalina Georgieva", "IGO", GOV),
    ("2022-06-17", "Ngozi Okonjo-Iweala hailed the fisheries deal in Geneva.", "Ngozi Okonjo-Iweala", "IGO", GOV),
    ("2022-04-20", "Amina J. Mohammed visited the camps on Monday.", "Amina J. Mohammed", "IGO", GOV),
    ("2021-04-01", "Jens Stoltenberg called the allies to an emergency meeting.", "Jens Stoltenberg", "IGO", GOV),
    ("2022-02-25", "Ursula von der Leyen announced new sanctions.", "Ursula von der Leyen", "IGO", GOV),
    ("2022-08-03", "Moussa Faki Mahamat condemned the coup attempt.", "Moussa Faki Mahamat", "IGO", GOV),
    ("2023-03-17", "Karim Khan announced an arrest warrant.", "Karim Khan", "IGO", GOV),
    ("2024-04-15", "Ajay Banga pledged more lending to poor countries.", "Ajay Banga", "IGO", GOV),
    ("2023-01-10", "Csaba Kőrösi opened the session of the General Assembly.", "Csaba Kőrösi", "IGO", GOV),
    ("2024-05-07", "Kao Kim Hourn welcomed the delegations to Jakarta.", "Kao Kim Hourn", "IGO", GOV),
    ("2025-03-04", "Kaja Kallas said Europe would keep supporting Kyiv.", "Kaja Kallas", "IGO", GOV),
]

# --- name variants: no middle names, Jr., honorifics, initials, transliterations ---------------------
CASES += [
    ("2022-11-02", "Abiy Ahmed signed the truce in Pretoria.", "Abiy Ahmed", "ETH", GOV),
    ("2022-11-02", "Abiy Ahmed Ali signed the truce in Pretoria.", "Abiy Ahmed Ali", "ETH", GOV),
    ("2023-02-09", "Volodymyr Zelenskyy addressed the parliament in London.", "Volodymyr Zelenskyy", "UKR", GOV),
    ("2023-02-09", "Volodymyr Zelensky addressed the parliament in London.", "Volodymyr Zelensky", "UKR", GOV),
    ("2023-01-15", "Sheikh Mohamed bin Zayed received the delegation.", "Mohamed bin Zayed", "ARE", GOV),
    ("2023-01-15", "Mohammed bin Zayed received the delegation.", "Mohammed bin Zayed", "ARE", GOV),
    ("2023-01-15", "Sheikh Tamim bin Hamad received the delegation.", "Tamim bin Hamad", "QAT", GOV),
    ("2023-01-15", "Crown Prince Mohammed bin Salman received the delegation.", "Mohammed bin Salman", "SAU", GOV),
    ("2023-01-15", "Muhammad bin Salman received the delegation.", "Muhammad bin Salman", "SAU", GOV),
    ("2023-01-15", "S. Jaishankar received the delegation.", "S. Jaishankar", "IND", GOV),
    ("2023-07-04", "Ferdinand Marcos Jr. received the delegation.", "Ferdinand Marcos Jr.", "PHL", GOV),
    ("2023-07-04", "Bongbong Marcos received the delegation.", "Bongbong Marcos", "PHL", GOV),
    ("2022-05-05", "Teodoro Locsin Jr. received the delegation.", "Teodoro Locsin Jr.", "PHL", GOV),
    ("2022-05-05", "Andrés Manuel López Obrador received the delegation.", "Andrés Manuel López Obrador", "MEX", GOV),
    ("2022-05-05", "Andres Manuel Lopez Obrador received the delegation.", "Andres Manuel Lopez Obrador", "MEX", GOV),
    ("2022-05-05", "Recep Tayyip Erdoğan received the delegation.", "Recep Tayyip Erdoğan", "TUR", GOV),
    ("2022-05-05", "Sergey Lavrov received the delegation.", "Sergey Lavrov", "RUS", GOV),
    ("2022-05-05", "Sergei Lavrov received the delegation.", "Sergei Lavrov", "RUS", GOV),
    ("2022-05-05", "Muhammadu Buhari received the delegation.", "Muhammadu Buhari", "NGA", GOV),
    ("2022-05-05", "Cyril Ramaphosa received the delegation.", "Cyril Ramaphosa", "ZAF", GOV),
]

# --- a surname alone, once the article has named the person --------------------------------------------
CASES += [
    ("2022-06-15", "Raychelle Omamo arrived in Addis Ababa. Omamo said the talks would resume.", "Omamo", "KEN", GOV),
    ("2022-06-15", "Nikos Dendias flew to Cairo. Later Dendias met his counterpart.", "Dendias", "GRC", GOV),
    ("2023-05-10", "William Ruto opened the summit. Ruto urged investors to come.", "Ruto", "KEN", GOV),
    ("2022-06-15", "Nanaia Mahuta visited Fiji. Mahuta announced new aid.", "Mahuta", "NZL", GOV),
]

# --- time flips: the same person on either side of a change of office --------------------------------
CASES += [
    ("2020-03-01", "Mark Rutte spoke to farmers.", "Mark Rutte", "NLD", GOV),
    ("2025-03-01", "Mark Rutte spoke to the allies.", "Mark Rutte", "IGO", GOV),
    ("2021-06-01", "Kaja Kallas spoke to farmers.", "Kaja Kallas", "EST", GOV),
    ("2020-06-01", "António Costa spoke to farmers.", "António Costa", "PRT", GOV),
    ("2025-06-01", "António Costa chaired the summit.", "António Costa", "IGO", GOV),
    ("2019-06-01", "Josep Borrell spoke to reporters.", "Josep Borrell", "ESP", GOV),
    ("2021-06-01", "Josep Borrell spoke to reporters.", "Josep Borrell", "IGO", GOV),
    ("2021-06-01", "Rishi Sunak presented the budget.", "Rishi Sunak", "GBR", GOV),
    ("2023-06-01", "Rishi Sunak spoke to reporters.", "Rishi Sunak", "GBR", GOV),
    ("2021-09-01", "Yair Lapid spoke to reporters.", "Yair Lapid", "ISR", GOV),
    ("2022-03-01", "Eva-Maria Liimets spoke to reporters.", "Eva-Maria Liimets", "EST", GOV),
    ("2022-09-01", "Eva-Maria Liimets spoke to reporters.", "Eva-Maria Liimets", "EST", None),
    ("2022-09-01", "Yair Lapid spoke to reporters.", "Yair Lapid", "ISR", GOV),
    ("2022-06-01", "Donald Trump spoke to reporters.", "Donald Trump", "USA", None),
    ("2025-06-01", "Donald Trump spoke to reporters.", "Donald Trump", "USA", GOV),
    ("2023-06-01", "Antony Blinken spoke to reporters.", "Antony Blinken", "USA", GOV),
    ("2023-04-01", "Qin Gang spoke to reporters.", "Qin Gang", "CHN", GOV),
    ("2018-06-01", "Ursula von der Leyen spoke to soldiers.", "Ursula von der Leyen", "DEU", GOV),
    ("2016-06-01", "Liz Truss spoke to reporters.", "Liz Truss", "GBR", GOV),
    ("2022-03-01", "Liz Truss spoke to reporters.", "Liz Truss", "GBR", GOV),
]

# --- former states, their peoples and organs, on their dates ----------------------------------------
CASES += [
    ("1987-03-02", "Soviet negotiators walked out of the talks.", "Soviet", "RUS", None),
    ("1987-03-02", "The Soviet Union rejected the offer.", "Soviet Union", "RUS", None),
    ("1987-03-02", "The Kremlin rejected the offer.", "Kremlin", "RUS", GOV),
    ("1987-03-02", "The USSR rejected the offer.", "USSR", "RUS", None),
    ("1987-03-02", "West Germany rejected the offer.", "West Germany", "DEU", None),
    ("1987-03-02", "West German bankers rejected the offer.", "West German", "DEU", None),
    ("1987-03-02", "The Bonn government rejected the offer.", "Bonn", "DEU", GOV),
    ("1987-03-02", "East Germany rejected the offer.", "East Germany", "DDR", None),
    ("1987-03-02", "East German guards fired on the crowd.", "East German", "DDR", None),
    ("1987-03-02", "East Berlin rejected the offer.", "East Berlin", "DDR", GOV),
    ("1987-03-02", "Yugoslavia rejected the offer.", "Yugoslavia", "YUG", None),
    ("1999-04-02", "Yugoslavia rejected the offer.", "Yugoslavia", "SRB", None),
    ("1988-03-02", "Belgrade rejected the offer.", "Belgrade", "YUG", GOV),
    ("2010-03-02", "Belgrade rejected the offer.", "Belgrade", "SRB", GOV),
    ("1985-03-02", "Czechoslovakia rejected the offer.", "Czechoslovakia", "CSK", None),
    ("1985-03-02", "Prague rejected the offer.", "Prague", "CSK", GOV),
    ("2020-03-02", "Prague rejected the offer.", "Prague", "CZE", GOV),
    ("1990-03-02", "Zaire rejected the offer.", "Zaire", "COD", None),
    ("1986-03-02", "South Yemen rejected the offer.", "South Yemen", "YMD", None),
    ("1986-03-02", "North Yemen rejected the offer.", "North Yemen", "YEM", None),
    ("1986-03-02", "Aden rejected the offer.", "Aden", "YMD", GOV),
    ("1968-03-02", "South Vietnam rejected the offer.", "South Vietnam", "RVN", None),
    ("1968-03-02", "South Vietnamese troops rejected the offer.", "South Vietnamese", "RVN", None),
    ("1968-03-02", "North Vietnam rejected the offer.", "North Vietnam", "VNM", None),
    ("1970-03-02", "Saigon rejected the offer.", "Saigon", "RVN", GOV),
    ("1975-03-02", "Rhodesia rejected the offer.", "Rhodesia", "ZWE", None),
    ("1980-03-02", "Kampuchea rejected the offer.", "Kampuchea", "KHM", None),
    ("1970-03-02", "Ceylon rejected the offer.", "Ceylon", "LKA", None),
    ("1987-03-02", "Tass said the offer was a trick.", "Tass", "RUS", "MED"),
    ("1987-03-02", "Pravda said the offer was a trick.", "Pravda", "RUS", "MED"),
    ("1988-03-02", "Tanjug said the offer was a trick.", "Tanjug", "YUG", "MED"),
    ("1987-03-02", "Refugees reached West Berlin on Sunday.", "West Berlin", "DEU", None),
    ("1987-03-02", "The Politburo rejected the offer.", "Politburo", "RUS", GOV),
]

# --- names two countries share, read by the document's other words ------------------------------------
CASES += [
    ("2023-03-02", "Congo accused the rebels of shelling Goma and threatening Kinshasa.", "Congo", "COD", None),
    ("2023-03-02", "Congo said the talks in Brazzaville would resume.", "Congo", "COG", None),
    ("2023-03-02", "Georgia accused Moscow of stirring unrest in Abkhazia and Tbilisi.", "Georgia", "GEO", None),
    ("2023-03-02", "Georgia police arrested protesters in Atlanta.", "Georgia", "USA", None),
    ("2023-03-02", "Guinea accused Mali of harbouring rebels.", "Guinea", "GIN", None),
    ("2014-05-10", "Clashes in Tripoli killed three people in northern Lebanon.", "Tripoli", "LBN", None),
    ("2014-05-10", "Militias shelled Tripoli airport as Haftar's forces advanced in Libya.", "Tripoli", "LBY", None),
]


@pytest.fixture(scope="module")
def results(pipeline):
    from dyad.model import Document

    found = []
    for n, (date, text, mention, code, sector) in enumerate(CASES):
        coded = pipeline.code_document(Document(id=f"kb-dated-{n}", text=text, date=date))
        entities = [(m.text, m.entity) for m in coded.mentions if m.entity is not None]
        entity = next((e for t, e in entities if t == mention), None) or next(
            (e for t, e in entities if mention in t or t in mention), None
        )
        got = (entity.code, entity.sector_code) if entity is not None else None
        found.append((date, text, mention, (code, sector), got))
    return found


def test_the_suite_is_large_and_broad():
    assert len(CASES) >= 150
    assert len({code for code, _ in MINISTERS_2022}) >= 40


def test_dated_suite_is_at_least_95_percent_right(results):
    wrong = [(date, mention, expected, got) for date, _, mention, expected, got in results if got != expected]
    accuracy = 1 - len(wrong) / len(results)
    assert accuracy >= 0.95, (accuracy, wrong)


def test_surnames_that_are_places_stay_people(coded):
    def codes(text: str) -> dict[str, str | None]:
        return {m["text"]: m["entity"]["code"] for m in coded(text, date="2023-03-02")["mentions"]}

    assert codes("Dr. Hamilton told the committee the plan was sound.").get("Hamilton") != "BMU"
    assert codes("Senator Jordan questioned the nominee.").get("Jordan") != "JOR"
    assert codes("Mr. Gordon said the United States would respond.").get("Gordon") != "BMU"
    assert codes("Hamilton is the capital of Bermuda.").get("Hamilton") == "BMU"  # the place stays a place


# --- appointments since the open data's snapshots, from Dyad's curated table -------------------------
CURATED_SINCE_2023 = [
    ("2024-06-01", "Israel Katz", "ISR", GOV),
    ("2025-01-10", "Andrii Sybiha", "UKR", GOV),
    ("2024-02-01", "Rustem Umerov", "UKR", GOV),
    ("2024-10-01", "Abbas Araghchi", "IRN", GOV),
    ("2024-05-01", "Ishaq Dar", "PAK", GOV),
    ("2024-09-01", "Badr Abdelatty", "EGY", GOV),
    ("2024-03-01", "Radosław Sikorski", "POL", GOV),
    ("2023-11-01", "Yusuf Tuggar", "NGA", GOV),
    ("2023-09-01", "Ali Yerlikaya", "TUR", GOV),
    ("2025-03-01", "Scott Bessent", "USA", GOV),
    ("2023-03-01", "James Cleverly", "GBR", GOV),
    ("2025-03-01", "James Cleverly", "GBR", None),
    ("2023-06-01", "Yoav Gallant", "ISR", GOV),
    ("2025-03-01", "Yoav Gallant", "ISR", None),
]
CASES += [
    (date, f"{name} told reporters the talks had made progress.", name, code, sector)
    for date, name, code, sector in CURATED_SINCE_2023
]

# --- 1980s wire copy: Soviet, West German and other office holders, and later moves -------------------
CASES += [
    ("1987-03-02", "Mikhail Gorbachev proposed a freeze on missiles.", "Mikhail Gorbachev", "RUS", GOV),
    ("1987-03-02", "Eduard Shevardnadze flew to Washington.", "Eduard Shevardnadze", "RUS", GOV),
    ("1995-03-02", "Eduard Shevardnadze accused the separatists.", "Eduard Shevardnadze", "GEO", GOV),
    ("1987-03-02", "Hans-Dietrich Genscher welcomed the proposal.", "Hans-Dietrich Genscher", "DEU", GOV),
    ("1987-03-02", "Karl Otto Poehl warned against a weaker dollar.", "Karl Otto Poehl", "DEU", GOV),
    ("1987-03-02", "Erich Honecker received the delegation.", "Erich Honecker", "DDR", GOV),
    ("1987-03-02", "Branko Mikulic announced a wage freeze.", "Branko Mikulic", "YUG", GOV),
    ("1987-03-02", "Kiichi Miyazawa met James Baker in Paris.", "Kiichi Miyazawa", "JPN", GOV),
    ("1987-03-02", "Kiichi Miyazawa met James Baker in Paris.", "James Baker", "USA", GOV),
    ("1987-03-02", "Mobutu Sese Seko received the delegation.", "Mobutu Sese Seko", "COD", GOV),
]


def test_a_given_name_that_does_not_fit_is_another_person(coded):
    record = coded("National Security Advisor Dr. Phil Gordon met Israeli officials.", date="2024-06-26")
    assert all(m["entity"]["code"] != "BMU" for m in record["mentions"])  # not Pamela Gordon of Bermuda


def test_a_name_two_people_fit_on_the_date_stays_unresolved(kb):
    # "Mohammed Ahmed" fits several full names of office holders in different countries
    assert kb.best("mohammed ahmed", "2020-06-01") is None
    assert kb.best("abiy ahmed", "2020-06-01") is not None  # one person: resolved


def test_office_holders_of_2021_to_2025(pipeline):
    """60 sentences about 2021-2025 office holders (tests/actors/heldout_2021_2025.jsonl). Written as a
    held-out set: its first run scored 49/60 (UN agency heads missing, Phoenix terms left open,
    transliteration marks); the fixes that followed were general (see the commit log)."""
    import json
    from pathlib import Path

    from dyad.evaluate import evaluate_actors

    path = Path(__file__).with_name("heldout_2021_2025.jsonl")
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    checks = evaluate_actors(cases, pipeline)
    wrong = [(c.mention, c.date, c.expected, c.found) for c in checks if not c.ok]
    assert 1 - len(wrong) / len(checks) >= 0.95, wrong


def test_held_out_office_holders_of_2021_to_2025(pipeline):
    """48 more sentences (tests/actors/heldout2_2021_2025.jsonl), first run untuned: 46/48; the two
    misses were foreign ministers appointed after the open data's snapshots (Ahmed Attaf, Cho
    Tae-yul), since added to the curated table with a batch of other 2023-2025 appointments."""
    import json
    from pathlib import Path

    from dyad.evaluate import evaluate_actors

    path = Path(__file__).with_name("heldout2_2021_2025.jsonl")
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    checks = evaluate_actors(cases, pipeline)
    assert sum(c.ok for c in checks) / len(checks) >= 0.9


def test_every_bundled_actor_has_a_kind_of_the_vocabulary(kb):
    from dyad.model import ENTITY_KINDS, entity_kind

    kinds = {entry.kind for entries in kb.entries.values() for entry in entries}
    assert kinds and kinds <= ENTITY_KINDS
    with pytest.raises(ValueError, match="unknown actor kind 'region'"):
        entity_kind("region")


def test_an_office_in_an_international_body_is_not_kept_out_of_it():
    """A person out of office keeps a country, never an international body's code: an EC Council
    president of 1984 and 1989 is not IGO in 1987, and a minister's nationality stays."""
    from dyad.actors.kb import KBEntry, Spell

    council = KBEntry("Jean Roux", "person", [Spell("IGO", "EUR", "1984-01-01", "1984-06-30")])
    assert council.spell_on("1987-03-13") is None
    assert council.spell_on("1984-03-01") == Spell("IGO", "EUR", "1984-01-01", "1984-06-30")
    both = KBEntry(
        "Ana Ruiz",
        "person",
        [Spell("IGO", "EUR", "1990-01-01", "1990-06-30"), Spell("ESP", "GOV", "1995-01-01", "1996-01-01")],
    )
    assert both.spell_on("1991-01-01") == Spell("ESP", None, None, None)


@pytest.mark.parametrize(
    ("date", "expected"),
    [("1987-06-06", "Pope John Paul II"), ("2016-05-01", "Pope Francis"), ("2025-06-01", "Pope Leo XIV")],
)
def test_the_pope_is_the_holy_sees_head_on_the_date(coded, date, expected):
    record = coded("The Pope received the President of Kenya at the Vatican.", date=date)
    pope = next(m["entity"] for m in record["mentions"] if m["text"] == "The Pope")
    assert (pope["code"], pope["sector_code"], pope["entity_name"]) == ("VAT", "GOV", expected)
