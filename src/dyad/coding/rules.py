"""The coder's named rules: what each implements, where it comes from, and a sentence it codes.

An event's evidence names the rules that shaped it beyond its trigger pattern (``steps``), so a
user can see why an actor or a recipient is what it is. ``docs/rules.md`` is generated from this
table (``rules_markdown``) and a test keeps the two identical.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    definition: str  # what it does, and the codebook or guide definition it implements
    example: str  # a sentence written for it, and what it gives


RULES: dict[str, Rule] = {
    "wire-structure": Rule(
        "Datelines, publication lines and sign-offs are layout, never actors or events; the dateline's "
        "place is the article's filing place (wire-copy conventions).",
        '"CAIRO, May 3 - Sudanese troops shelled rebel positions" -> ASSAULT by SDN, placed in Cairo, never EGY.',
    ),
    "wrapped-line": Rule(
        "A line break inside a sentence of hard-wrapped copy is read as a space, so actor and recipient "
        "on the next line stay in the sentence.",
        '"... has formally asked\\nJapan to open its markets" -> REQUEST PHL -> JPN.',
    ),
    "wire-capital": Rule(
        "The 1987 wire capitalises every word after 'U.S.' ('the U.S. To demand'); such a word is read in lower "
        "case when a lower-case word or a comma follows it, it starts no sentence and it is a function word or "
        "one the article writes in lower case elsewhere, so the parser does not split the clause.",
        "\"TOKYO, April 8 - 'It is not reasonable for the U.S. To demand Japan open its rice market,' Japan's farm "
        'minister said" -> ACCUSE JPN -> USA (one sentence).',
    ),
    "no-sides": Rule(
        "An event is one actor's act towards another (the CAMEO/PLOVER dyad): with neither side resolved, "
        "no event is recorded.",
        '"Trade expanded rapidly last year" -> no event.',
    ),
    "dyadic": Rule(
        "CONSULT, REQUEST, THREATEN and SANCTION name their counterpart by definition (consult with, appeal "
        "to, threaten and sanction someone): found with one side unresolved, they are not recorded.",
        '"Japan urged restraint." -> no event.',
    ),
    "complete-first": Rule(
        "Where a text yields events with both sides, its one-sided mentions (restatements, background) "
        "are not recorded; a text with no complete event keeps them.",
        '"Kenya and Uganda signed a border agreement ... Kenya pledged to build a new road." -> only the agreement.',
    ),
    "not-an-act": Rule(
        "A trigger noun inside a multi-word name, modifying another noun, part of a date ('in March'), or in "
        "its economic sense ('domestic demand') is no event (PLOVER codes acts, not names or descriptions); "
        "nor is a date an act's object ('to be held between March 19-22' holds no march).",
        '"The Organisation for Economic Cooperation and Development published ..." -> no COOPERATE.',
    ),
    "mined-needs-dyad": Rule(
        "A bare verb mined from PETRARCH-2's dictionaries (no particle or object to fix its sense: 'provide', "
        "'prepare') codes a non-violent act only between two sides the text names; with one side, or a side "
        "implied by a place, its everyday or economic sense is likelier than the codebook's (precision first).",
        '"The Japanese government prepared its budget" -> no event; "India purchased aircraft from the United '
        'States" -> COOPERATE IND -> USA.',
    ),
    "not-to-expect": Rule(
        "Saying another should not expect or count on something ('said Norway should not expect special "
        "trade advantages') refuses it (CAMEO 12, reject); it asks nothing of the other, unlike 'should' "
        "with any other verb (an appeal, CAMEO 02).",
        '"German officials said Greece should not expect further loans" -> REJECT DEU -> GRC.',
    ),
    "quoted-criticism": Rule(
        "Words of blame a speaker says of another ('they have sent a confusing signal', 'Washington made a "
        "mistake') criticise that other (CAMEO 111), and so does blame the speaker's side suffers at "
        "another's hands ('we were badly served by the people running the show'; in a story filed at home, "
        "people named by role are of the speaker's state); blame on the speaker's own side ('we misled the "
        "public') or on no one known is no criticism.",
        "\"'Washington has sent a confusing signal to the markets,' the German finance minister said\" -> ACCUSE "
        "DEU -> USA.",
    ),
    "posture-owner": Rule(
        "A buildup or deployment named by a noun is the posture of the forces it is 'of', and faces the state "
        "across the border it is near (PLOVER MOBILIZE: the recipient is whom the actor mobilizes against, "
        "if that is clear).",
        '"amid reported buildups of Belarusian troops near the border with Lithuania" -> MOBILIZE BLR -> LTU.',
    ),
    "judged-act": Rule(
        "Saying another's act is wrong ('it is not reasonable for the U.S. to demand ...', 'it is unfair for "
        "Washington to impose tariffs') criticises whoever does it (CAMEO 111); the speaker is the subject of "
        "the reporting verb, and the writer's own judgement is no one's statement.",
        '"The Chinese minister said it was unfair for Washington to impose tariffs on Chinese steel" -> ACCUSE '
        "CHN -> USA.",
    ),
    "continued-speaker": Rule(
        "A 'he' or 'she' who speaks, with no person named before, is the last speaker the text named by role "
        "('a senior ministry official said ... he said'): the issue's speaker of a reporting clause.",
        "\"TOKYO - A senior ministry official said talks would resume. 'It is unfair for the U.S. to demand "
        "more,' he said\" -> ACCUSE JPN -> USA.",
    ),
    "forecast-not-act": Rule(
        "An act someone only seems or looks set to do ('looked poised to overrun the town', 'seem likely to "
        "seize the airport') is the writer's impression, neither done nor an actor's stated intent (the "
        "guide: opinions of journalists are not events); what appears to have been done is a hedged report "
        "of an act, and is coded.",
        '"The rebels seem likely to seize the airport near Damascus" -> no event; "Israel appears to have '
        'struck an Iranian base" -> ASSAULT ISR -> IRN.',
    ),
    "past-wish": Rule(
        "What an actor wanted, wished or hoped to do, told in the past by the text itself, is neither an act "
        "nor the actor's statement of intent (PLOVER codes acts and statements; intentions count as stated); "
        "told as what the actor said, it is a statement and is coded.",
        '"When the war began, Russia wanted to seize Kyiv" -> no event; "Iran said it wanted to return to the '
        'deal" -> AGREE.',
    ),
    "natural-force": Rule(
        "A hazard or a market force as the doer of harm (floods, earthquakes, epidemics, surpluses, a "
        "currency's rise) is no political actor: PLOVER and CAMEO code what actors do.",
        '"Floods hit Sabah, Malaysia" -> no event; "Rebels hit an army post near Goma, Congo" -> ASSAULT.',
    ),
    "content-recipient": Rule(
        "An appeal, demand or promise with no recipient of its own is made to the recipient of the act it is "
        "about (CAMEO 02/03/10: appeal to or promise someone an act); an act named by a noun ('called for "
        "the withdrawal of Syrian forces', 'called for protests against Maduro') is asked of whoever is to "
        "do it, else of whom it is aimed at, and is the appeal's content, not an act done.",
        "\"Norway urged Sweden to lift the ban\" -> REQUEST NOR -> SWE (the ban's lifting is Sweden's act).",
    ),
    "both-sides": Rule(
        'A mutual act (CAMEO 03-06) told with a side missing - "both sides", an agentless passive, a meeting '
        "noun as subject - is between the article's two parties. A city named as where things happen ('talks "
        "in London') is a place, never one of the parties.",
        '"Kenya and Uganda met in Nairobi. Issues of trade were discussed." -> CONSULT KEN <-> UGA.',
    ),
    "speaker-counterpart": Rule(
        "A mutual act reported by one party with no other side named is with the article's other party.",
        '"Ruto met Museveni. Ruto said they agreed to reopen the border" -> AGREE KEN -> UGA.',
    ),
    "joint-role-subject": Rule(
        "Of two conjoined subjects of a mutual act, the second, named by role alone, is a side of the first "
        "one's country (domestic talks, CAMEO 04); so is the head noun when the parser joined the two under "
        "it ('(government and communist) rebels').",
        '"The Colombian government and rebels agreed to resume talks" -> AGREE COL -> COL.',
    ),
    "crowd-of-the-place": Rule(
        "A crowd with no named country that protests, coerces or attacks is of the place where it acts.",
        '"Hundreds of thousands of people blocked streets in Hong Kong" -> PROTEST HKG.',
    ),
    "role-of-the-place": Rule(
        "A subject named by its role alone with no country acts for the state where the event is placed, "
        "or, in an article that names no country but its dateline's, for that country.",
        '"Leaders of the opposition coalition agreed in Baku to ..." -> AGREE AZE; "VIENNA - The head of the '
        "farmers' union said the government should lower taxes\" -> REQUEST AUT -> AUT.",
    ),
    "investigated-in-the-place": Rule(
        "An investigation or arrest told in the passive with no agent, placed in a country, is that state's act.",
        '"A US national was put under investigation in Italy" -> ITA -> USA.',
    ),
    "unclaimed-violence": Rule(
        "Violence with no named perpetrator is coded to the place where it happens (unidentified attackers "
        "there), the ICEWS convention. A town the knowledge base does not know is placed by the gazetteer "
        "when its name is one country's only.",
        '"A roadside bomb near Samarra killed a soldier" -> ASSAULT IRQ.',
    ),
    "home-role": Rule(
        "Courts, judges and police with no named country act in the country of those they act on; so do "
        "soldiers who detain or seize their state's own leaders (a coup: CAMEO 17 within one state).",
        '"Judge Rivera opened investigations against 28 Chilean officials" -> CHL JUD -> CHL.',
    ),
    "place-as-target": Rule(
        "Where an act of force, protest, coercion or aid falls is whom it targets, unless it is done to "
        "another state's envoy or to a named person or body no rule could code (a place never stands in "
        "for them: 'agreed to meet ANC president Tambo in Ottawa' is not with Canada).",
        '"Troops imposed a curfew in Cizre, Turkey" -> COERCE ... -> TUR.',
    ),
    "force-abroad": Rule(
        "Force used in another state's place, named before in the text, targets that state.",
        '"Residents of Pokrovsk, Ukraine, fled shelling by Russian troops" -> ASSAULT RUS -> UKR.',
    ),
    "civilian-blockade": Rule(
        "Civilians blockading a place protest (CAMEO 144/133); they do not besiege it (191).",
        '"Farmers blockaded Paris" -> PROTEST, not ASSAULT.',
    ),
    "protest-purpose": Rule(
        "A protest's stated purpose names its target.",
        '"Farmers blocked a road to show disapproval of the United States\' policies" -> PROTEST -> USA.',
    ),
    "implied-target": Rule(
        "Protests with no named target face their own government; state coercion or concessions with none "
        "fall on its own people (CAMEO coders' conventions; the entity says it is implied) - not easing "
        "sanctions (085) or allowing international involvement (086), which are towards another party.",
        '"Thousands of Kenyans protested in Nairobi" -> PROTEST KEN CVL -> KEN GOV.',
    ),
    "local-agent": Rule(
        "A side named only by a role or as a crowd (security forces, police, courts, protesters, gunmen) "
        "acts for, or belongs to, the state where the event takes place: its place, else the last place "
        "the text named (the ICEWS/PLOVER convention for unnamed domestic actors); a country in a person's "
        "title ('U.S. President X') names no place; a place attacked ('shelled neighbourhoods of Aleppo') "
        "is the attack's place; whom an appeal or meeting names by role ('called on the government') is "
        "such a side too, unless a modifier puts it abroad. Envoys are excluded. An act told by a noun "
        "whose modifier is such a role ('an opposition boycott', 'a police raid') is that role's, as "
        "'the opposition's boycott' would be, not the act of the clause it is set in.",
        '"Security forces kill 30 protesters in Mandalay" -> ASSAULT MMR -> MMR; "SEOUL - Union leaders '
        'called on the government to cut taxes" -> REQUEST KOR -> KOR; "OTTAWA, May 4 - Canada\'s government had '
        'to pass a stop-gap budget because the debate was delayed by an opposition boycott of parliament" -> '
        "PROTEST CAN -> CAN.",
    ),
    "domestic-counterpart": Rule(
        "In talk, appeals, criticism and aid (CAMEO 02-07, 10-12), a group named by role alone (governors, "
        "union leaders, advocates), or someone named with a rank or office and no country ('Colonel James "
        "Mwangi'; an office in a body the knowledge base does not know, 'X, president of the Union of Metal "
        "Workers', only in a story filed from the official's country), facing a state's official (not the "
        "state named by its name: 'Archbishop Tutu called for sanctions against Nigeria') is of that "
        "official's state, unless a modifier puts it abroad ('foreign ministers') or the event's "
        "place is another state (domestic politics is coded X -> X by CAMEO coders).",
        '"Union leaders called on Brazilian President Lula da Silva to raise the minimum wage" -> REQUEST BRA -> BRA.',
    ),
    "shared-argument": Rule(
        "Of two coordinated acts by one subject, an appeal, demand, accusation, rejection, threat or sanction "
        "(CAMEO 02, 10-13, 16: acts addressed to someone) with no addressee of its own is addressed to the "
        "first act's recipient.",
        '"Germany condemned Russia\'s shelling of Kharkiv and demanded an immediate ceasefire" -> REQUEST DEU -> RUS.',
    ),
    "announced-act": Rule(
        "A state that announces, confirms or orders its own non-violent act, told in the passive with no "
        "agent, is its agent (the PLOVER manual codes an announced withdrawal as the announcer's act); never "
        "for force, where the speaker may only be reporting.",
        '"The Kenyan government announced that 300 soldiers will be deployed to Somalia" -> MOBILIZE KEN -> SOM.',
    ),
    "unrealised-content": Rule(
        "An act that is the content of an offer, plan or pledge is an intent (CAMEO 03), of a call or demand is "
        "what is asked (the appeal codes it), of a refusal is withheld (CAMEO 12); under 'no plans' nothing is "
        "intended.",
        '"Kenya welcomed Uganda\'s offer to withdraw its troops" -> AGREE (intent to de-escalate), no RETREAT.',
    ),
    "alleged-act": Rule(
        "An act named as what someone is accused of or blamed for is alleged, not established: PLOVER codes "
        "the accusation (ACCUSE), not the act.",
        '"Britain\'s envoy addressed the council, blaming Russia for the attack" -> ACCUSE GBR -> RUS only.',
    ),
    "local-protest": Rule(
        "A protest noun that is its clause's subject ('protests erupted', 'rioting spread') reports protesters; "
        "with no one named they are people of the place (PLOVER PROTEST; the local-agent convention).",
        '"Renewed protests entered their third day in Baghdad" -> PROTEST IRQ.',
    ),
    "state-of-the-place": Rule(
        "Arrests, trials and sentences with no named agent - an agentless passive, or a noun with no "
        "owner and no by-phrase - are acts of the state where they happen.",
        '"The gunman is later arrested" after "... in Nairobi, Kenya" -> COERCE KEN -> KEN; "Officials confirm '
        'the arrest of four suspects" after "... in Puebla, Mexico" -> COERCE MEX -> MEX.',
    ),
    "cause-not-agent": Rule(
        "An act that is the subject of another act's noun causes it and does not do it: the actor of "
        '"drew protests" is not "the arrest", nor the one arrested. Nor does the subject of a clause do '
        'the act it happens "due to", "amid" or "despite": protests there are by people of the place.',
        '"The arrest of the opposition leader in Minsk drew protests" -> no PROTEST by the opposition; '
        '"Kenya closed schools in Nairobi amid protests" -> PROTEST by people in Kenya, not its government.',
    ),
    "nominal-agent": Rule(
        "A killing's perpetrator named only by its means is its actor, and the means is not a second event.",
        '"Eight civilians were killed in Russian air strikes on Maarat, Syria" -> ASSAULT RUS -> SYR.',
    ),
    "repelled-attack": Rule(
        '"X repelled Y\'s attack" and "X repelled Y\'s warplanes" report Y\'s attack on X (the article '
        "gold GUIDE: repelling is not an act of its own; those repelled were attacking).",
        '"Ethiopia said its forces repelled an Eritrean attack" -> ASSAULT ERI -> ETH; "Kenyan forces repulsed '
        'al-Shabaab fighters" -> ASSAULT by al-Shabaab on KEN.',
    ),
    "endured-act": Rule(
        "Whoever resists, withstands, survives, suffers or repels an act named by a noun is its target, "
        "never its agent (CAMEO codes the one who attacks, not the one attacked).",
        '"Ukrainian troops resisted the invasion" -> ASSAULT ? -> UKR, never UKR\'s invasion.',
    ),
    "participle-patient": Rule(
        "A past participle heading an adverbial clause with no subject of its own was done to the main "
        "clause's subject: that subject is the recipient, never the actor.",
        '"Asked if the demands would affect the talks, the minister said ..." -> no REQUEST by the minister.',
    ),
    "strike-sense": Rule(
        '"Strikes" in a sentence about missiles, drones or warplanes are those strikes, not a labour strike '
        '(CAMEO 143 "conduct strike or boycott").',
        '"Russia launched missile strikes on Ukraine, with strikes reported in Dnipro" -> no PROTEST.',
    ),
    "relation-topic": Rule(
        "A relation named as what leaders underscore, welcome or reaffirm is the topic of their stance, not "
        "cooperation done (CAMEO 06 codes acts of cooperating; the stance itself is coded where a trigger "
        "names it).",
        '"The two presidents underscored the longstanding partnership between Kenya and Ghana" -> no COOPERATE.',
    ),
    "topic-not-recipient": Rule(
        "What is discussed is a topic, never a party; the other party of a discussion is who it is held "
        'with (CAMEO 04: consult with). Talk, agreement and cooperation (CAMEO 03-06) "on", '
        '"regarding" or "concerning" something are about it, not with it.',
        '"The leaders discussed developments in Libya" -> CONSULT between the leaders\' states, never LBY; '
        '"Kenyan officials attended a conference on Somali refugees" -> no CONSULT with SOM.',
    ),
    "verb-tagged-noun": Rule(
        "A word the tagger read as a noun but that heads a clause with a subject of its own is a verb: "
        "headlines and summaries in the present tense ('X and Y meet in Paris') are read as the acts they "
        "tell (applied when triggers are read).",
        '"Macron and Xi Jinping meet in Paris" -> CONSULT FRA <-> CHN.',
    ),
    "each-other": Rule(
        "What two named sides do to 'each other' or 'one another' each does to the other: two events, one each way.",
        '"Armenia and Azerbaijan accused each other of shelling" -> ACCUSE ARM -> AZE and AZE -> ARM.',
    ),
    "joint-subject": Rule(
        "Two named subjects of a meeting or an agreement are one side each.",
        '"Argentina and Chile agreed to reopen the border crossing" -> AGREE ARG <-> CHL.',
    ),
    "the-two-leaders": Rule(
        '"The leaders", "they", "both sides" after a reported meeting are that meeting\'s two parties, even '
        'where "they" was first read as a third party the meeting was about: in a mutual act one side '
        "each; in any other act, or one towards a third party, both act ('the leaders condemned the "
        "launch'). A possessive pronoun agreeing with the subject ('their support') is the subject's own. "
        "A meeting at home counts too, each side keeping its own sector ('the minister met union leaders. "
        "Both sides discussed wages').",
        '"Scholz spoke with Macron. The leaders agreed to stay in close contact." -> AGREE DEU <-> FRA.',
    ),
    "title-coreference": Rule(
        '"The President", "the Vice President", "the Emir" with no name is the first person the text '
        "introduced with that title (the article's principal of that rank).",
        '"President Biden spoke with President Lopez Obrador. The President thanked him" -> the thanks are Biden\'s.',
    ),
    "aid-list-recipient": Rule(
        "Aid given (CAMEO 07: 'provide aid') is given to whom its 'to' phrase names, wherever the parser "
        "hung that phrase in a list of what was given (applied when arguments are read).",
        '"Canada has delivered rounds, rifles, trucks and other equipment to the Ukrainian army" -> AID CAN -> UKR.',
    ),
    "it-subject": Rule(
        "'It' as a subject is the last country or body named as a subject (a name modifying the subject "
        "counts); 'its', and 'it' as an object, stay the nearest country or body named (applied when actors "
        "are resolved).",
        '"Washington announced sanctions against Japanese firms after it accused Tokyo" -> ACCUSE USA -> JPN.',
    ),
    "dateline-place": Rule(
        "Where an article names no country other than the one its dateline's place is in, that country "
        "is where its events happen until the text names a place (the issue's wire-copy convention: the "
        "filing place is the event place only when the text gives no other); a dateline abroad ('CAIRO - "
        "Sudanese troops shelled ...') places nothing.",
        '"SEOUL, May 4 - Riot police fired tear gas at students" -> ASSAULT KOR -> KOR.',
    ),
    "sole-country-government": Rule(
        "A bare 'the government' or 'the authorities', in an article that names one state only (by its name, "
        "a place or a person of it), is that state's government (the issue's 'the dateline country for "
        "government only where the text supports it': here the text names no other).",
        '"The government extends a decree that bars gatherings, including protests against Prime Minister '
        'Netanyahu" -> COERCE ISR.',
    ),
    "named-wrongdoing": Rule(
        "Naming another's crimes, injustices, atrocities or abuses ('the crimes committed by the regime', "
        "'injustices by X', 'X's abuses') accuses the one named as committing them (CAMEO 112 'accuse, "
        "charge, allege'), even inside an appeal; the accuser is the subject of the sentence's main clause "
        "(of the clause a report is about). Crimes no one is named as committing, or that an accusation "
        "verb already names, are no separate accusation.",
        '"The Coalition called upon the world to condemn the crimes committed by the Assad regime" -> ACCUSE '
        "coalition -> SYR.",
    ),
    "third-party-allegation": Rule(
        "An international body or civil-society group that says a party is obstructing or repressing (CAMEO "
        "12, 17) accuses it (CAMEO 112 'accuse, allege'; the GUIDE's 'criticism -> ACCUSE'), besides the act "
        "it reports; a state telling of another's act reports the act, and violence a monitor relays is news "
        "of the attack.",
        '"The United Nations says that the Ethiopian government is blocking aid" -> ACCUSE IGO -> ETH.',
    ),
    "lead-stance": Rule(
        "A named actor's support, promise, appeal, cooperation, aid or concession in an article's first "
        "sentence - its main news - is kept with no recipient when it is towards no one in particular; "
        "complete-first does not drop it (acts of force there always have a side to find).",
        '"ACCRA - A senior Ghanaian official confirmed his country\'s backing for a new cocoa pact" -> SUPPORT GHA.',
    ),
    "domestic-measure": Rule(
        "In an article about one state only, a stance someone named takes on one of its measures (a tax, a "
        "bill, a budget, a reform: appeals, intentions, support, demands, criticism, rejection) is taken "
        "towards its government (domestic politics is coded X -> X by CAMEO coders). So is the stance of a "
        "party, body or person of a state (not the state itself) in a sentence naming no other state, "
        "in any article: its measures are its own state's.",
        "\"OTTAWA - Canada's New Democratic Party called for a higher tax on banks. Its leader will discuss "
        'trade with U.S. officials" -> REQUEST CAN -> CAN.',
    ),
    "filing-country-office": Rule(
        "A ministry or department named without its state ('the Trade Ministry', 'The Department of Trade "
        "and Industry'), or a bare 'the government', is of the country the story was filed in, when the "
        "story names that country too: wire copy names a foreign office by its state ('Japan's Trade "
        "Ministry'), and a story filed from abroad ('NICOSIA -' on Iran) does not name its filing country.",
        '"LONDON, March 3 - Britain wants Japan to open its markets. The Trade Ministry criticised Japan" -> '
        "ACCUSE GBR -> JPN.",
    ),
    "introduced-acronym": Rule(
        "A body named in full and then by its initials in brackets is those initials wherever the article "
        "uses them again, as a reader takes them (initials the knowledge base knows keep their own entry).",
        '"Fighters of the Syrian Democratic Forces (SDF) entered Raqqa. Later SDF commanders accused Turkey '
        'of shelling their positions" -> ACCUSE SYR -> TUR.',
    ),
    "owner-pronoun": Rule(
        "'Its leader', 'its spokesman': a role owned by 'its' is of the state or body 'its' continues (the "
        "last one named); a body's leader acts for the body, a state's for the state. A person's stance or "
        "offer ('shunned his support', 'rejected her proposal') stands for the person, as 'Kohl's support' "
        "would; members of someone's party are a group of his state, not he himself.",
        '"The Netherlands recalled its ambassador. Its foreign minister criticised Turkey" -> ACCUSE NLD -> TUR.',
    ),
    "sole-country-person": Rule(
        "Someone the knowledge base does not know, named in a sentence that names no state, in an article that "
        "names one state only, is of that state; a sentence that names a state ('called for sanctions against "
        "Nigeria') may be about someone acting on it from abroad, and places no one.",
        "\"The council declares Castillo president-elect with Rafael Ortega conceding defeat. Castillo is Peru's "
        'youngest president-elect" -> CONCEDE PER.',
    ),
    "discussed-possibility": Rule(
        "An act named as a possibility ('possible', 'potential', 'proposed') that is talked over or weighed "
        "is a topic, not an act done, decided or threatened; the talk is the event (the issue's 'plans under "
        "discussion' are not coded as done).",
        '"Mulroney and Tambo would discuss possible Canadian sanctions against South Africa" -> no THREATEN.',
    ),
    "named-addressee": Rule(
        "Whom an appeal or meeting is addressed to by its own preposition ('pleaded with', 'called on') is its "
        "recipient even when named by role alone; a place or party in what the addressee is asked to do is "
        "not (CAMEO 02: the appeal is made to someone, about something).",
        '"The UN envoy pleaded with the rebels to leave East Aleppo" -> REQUEST IGO -> the rebels, not Syria.',
    ),
    "phase-noun": Rule(
        "An act named as the 'of' of a noun of its beginning, going on or carrying out (resumption, "
        "restoration, launch, extension, delivery) is done by whoever does that noun: its owner, or the "
        "subject of the verb it is the object of; prepositions on either noun name the other side.",
        '"The United States announced the resumption of talks with Iran" -> CONSULT USA -> IRN.',
    ),
    "adjunct-meeting": Rule(
        "A meeting or visit (CAMEO 04) named in a phrase of time on a clause ('after hours of talks', 'on "
        "the first day of a visit to X', 'following a summit') includes whoever does that clause; a phrase "
        "on the clause's object ('sign an accord that ends tariffs, following a summit') is the clause's. A "
        "group of states that does the clause with no one else named met among its members: the group on "
        "both sides, one event ('after six hours of talks, the G-7 issued a statement').",
        '"President Macron, on the second day of a state visit to Kenya, said ..." -> CONSULT FRA -> KEN.',
    ),
    "condition-counterpart": Rule(
        "A promise or stated intent (CAMEO 03) with no recipient, made on a condition another side must "
        "meet ('if X does Y', 'unless', 'once'), is made to that side.",
        '"North Korea says it will resume talks if Washington drops its hostile policy" -> AGREE PRK -> USA.',
    ),
    "chamber-as-agent": Rule(
        "A bill or motion passed, approved or defeated 'in' a legislature with no agent of its own was "
        "voted on by that legislature (CAMEO 03, 05, 08, 12 by the chamber).",
        '"A motion to remove President Pedro Castillo is defeated in the Senate" -> REJECT by the Senate.',
    ),
    "generic-institution": Rule(
        "'The Senate', 'Congress', 'Parliament', 'the National Assembly', 'the Supreme Court' named bare "
        "are the bodies of the country the article names most (at least twice); the knowledge base's "
        "United States reading stands where the article names the United States (applied when actors are "
        "resolved).",
        '"A motion to remove Peruvian President Pedro Castillo is rejected by the Senate" -> PER.',
    ),
    "body-coreference": Rule(
        "A bare capitalised head ('The Coalition') or a definite common noun ('the ministry', 'the "
        "governors') is the body or role group the article named in full before with that head (applied "
        "when actors are resolved); a noun that named no body or role ('the dollar' after 'the U.S. "
        "dollar') takes up nothing.",
        "\"Kenya's Health Ministry announced an audit. The ministry accused the Ugandan government of "
        'smuggling vaccines" -> ACCUSE KEN -> UGA.',
    ),
    "leader-surname": Rule(
        "A person named by surname alone is the head of state or government of that name in office on "
        "the article's date, when there is exactly one (wire copy names leaders so); out of office, a "
        "namesake is as likely and the name stays unresolved.",
        '"Kohl met Mitterrand in Bonn" (1987) -> CONSULT DEU <-> FRA.',
    ),
    "publishers-official": Rule(
        "A government's readout or statement reports the calls, meetings and trips of its own people: the "
        'person its title names after an office ("Readout of Deputy Secretary X\'s Call", "Statement from '
        "Press Secretary X on ...\") is that government's official, known to the knowledge base or not, "
        "when the publisher is a seat of government it codes (the White House, the Kremlin).",
        '"Readout of Deputy Trade Representative Maria Okafor\'s Trip to Kenya" (The White House): "Ms. Okafor '
        'met with President William Ruto" -> CONSULT USA -> KEN.',
    ),
    "object-pronoun": Rule(
        '"him"/"her" as an object is someone other than the subject: the last person named before it who '
        "acts for another side.",
        '"... The President thanked him for his cooperation" -> SUPPORT USA -> MEX.',
    ),
    "readout-counterpart": Rule(
        "In the account of a meeting or call, a position stated to no one named (an appeal, a promise, praise, "
        "criticism) is stated to the meeting's other party.",
        '"Scholz spoke with Macron. Scholz stressed the need to protect civilians." -> REQUEST DEU -> FRA.',
    ),
    "not-done": Rule(
        'An act in an "if", "unless" or "whether" clause has not happened and is not recorded; the '
        "statement that states the condition is coded on its own (PLOVER: never code a hypothetical as done).",
        '"Iran will return to the deal if Washington lifts sanctions" -> no RETREAT by the United States.',
    ),
    "stance-not-nationality": Rule(
        'A country named after "pro-" or "anti-" is a stance, not the group\'s nationality (applied when '
        "actors are resolved).",
        '"Pro-Russian separatists shelled positions near Donetsk" -> the separatists act for no Russia; '
        "as unnamed local fighters they are UKR (local-agent).",
    ),
}


def rules_markdown() -> str:
    """``docs/rules.md``: every named rule with its definition and example."""
    lines = [
        "# The coder's named rules",
        "",
        "Generated from `src/dyad/coding/rules.py` (a test keeps this file identical). An event's "
        "`evidence.steps` lists the rules that shaped it beyond its trigger pattern; "
        "`evidence.rule` names the pattern itself.",
        "",
    ]
    for name, rule in RULES.items():
        lines += [f"## {name}", "", rule.definition, "", f"Example: {rule.example}", ""]
    return "\n".join(lines)
