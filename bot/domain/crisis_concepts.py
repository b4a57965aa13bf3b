"""Crisis by concepts: who, what and how urgent, as word stems, not as whole sentences.

The sentence patterns of ``bot.domain.safety`` catch the crises their authors wrote down and
miss the next one ("een pak slaag met de riem", "hij heeft naaktjes van me en wil geld"). Here a
message is a crisis when a sentence of it holds a *combination* of concepts that means danger:
an act of violence and a person at home, nude pictures and blackmail, a child and "zoek", a
weapon without a kitchen. Each concept is a list of word stems with the spellings people type
(Dutch in all registers, 13-17 year olds' shorthand, English); a stem ending in ``*`` matches
any word that starts with it. Other scripts are in ``bot.domain.crisis_languages``.

Negative context matters as much: idioms ("doodmoe", "dat huiswerk vermoordt me", "dood van
het lachen") are removed before matching, and a message about a lesson, a book or a film is no
crisis ("een spreekbeurt over huiselijk geweld").
"""

from __future__ import annotations

import re
from typing import Iterable, List, Optional, Pattern, Tuple

SUICIDE, ABUSE, DANGER = "suicide", "abuse", "danger"


def _stems(*stems: str) -> str:
    """One alternation of whole words; ``*`` at the end of a stem allows any ending."""
    parts = [re.escape(s.rstrip("*")).replace(r"\ ", " ") + (r"\w*" if s.endswith("*") else "") for s in stems]
    return r"\b(?:" + "|".join(parts) + r")\b"


# -- who ---------------------------------------------------------------------------------------
SELF = _stems("me", "mij", "mezelf", "mijzelf", "zichzelf", "zich", "myself", "herself", "himself", "themselves")
SELF_STRONG = _stems("mezelf", "mijzelf", "zichzelf", "myself", "herself", "himself", "themselves")
VICTIM = SELF + "|" + _stems("ik", "ons", "we", "wij", "haar", "hem", "hen", "us", "her", "him", "them", "i")
HOME_PERSON = _stems(
    "vader", "moeder", "pa", "ma", "papa", "mama", "pap", "mam", "stief*", "ouders", "oom", "tante", "opa", "oma",
    "broer", "zus", "neef", "nicht", "buurman", "man", "vriend", "ex", "trainer", "coach", "oppas", "gastouder",
    "pleeg*", "schoonfamilie", "familie*", "dad", "mum", "mom", "father", "mother", "step*", "uncle", "parents",
    "husband", "boyfriend", "brother", "neighbour*", "neighbor*", "babysitter", "nanny",
)  # fmt: skip
CHILD = _stems(
    "kind", "kinderen", "kindje", "kids", "kid", "zoon", "zoontje", "dochter", "dochtertje", "baby", "peuter",
    "kleuter", "leerling", "meisje", "jongen", "jongetje", "buurjongen", "buurmeisje", "kleinzoon", "kleindochter",
    "nichtje", "neefje", "broertje", "zusje", "pupil", "student", "son", "daughter", "child", "children", "boy",
    "girl", "brother", "sister", "hij", "ze", "zij", "pleegdochter", "pleegzoon", "pleegkind*", "pleegmeisje", "toddler", "foster*",
)  # fmt: skip

# -- what --------------------------------------------------------------------------------------
VIOLENCE = _stems(
    "slaat", "slaan", "sloeg", "sloegen", "geslagen", "geslage", "geslaan", "slaag", "schop", "schopt",
    "schopte", "geschopt", "trapt", "trapte", "getrapt", "stomp*", "gestompt", "mishandel*", "wurg*", "gewurgd",
    "knijpt", "kneep", "geknepen", "krabt", "sleurt", "sleurde", "gooit me", "gooit haar", "gooit hem",
    "gooide me", "gooit met", "gegooid", "smijt", "mept", "mepte", "gemept", "klappen krijg*", "klappen gekregen",
    "krijgt klappen", "krijg klappen", "kreeg klappen", "afransel*", "door elkaar geschud", "door elkaar schudt",
    "shakes", "shaking", "shook", "tegen de grond", "tegen de muur", "in elkaar geslagen", "in elkaar slaan",
    "in elkaar slaat", "in elkaar getrapt", "in elkaar trapt", "pak slaag", "hits", "hitting", "beat*", "punch*",
    "kicks", "kicked", "choke*", "strangle*",
)  # fmt: skip
SEXUAL_ACT = _stems(
    "misbruik*", "verkracht*", "aanrand*", "betast*", "aanzit*", "molest*", "rape*", "raped", "pijpen", "neuken",
)  # fmt: skip
# touching and sex are abuse with an adult at home, an intimate part, force or a secret; not a
# teenager's boyfriend or a shower after gym
SEXUAL_TOUCH = _stems(
    "aanraak*", "aangeraakt", "aanraken", "seksueel", "seksuele", "seks", "sex", "sexual*", "touches", "touched",
    "touching", "onder de dekens", "in bed komt", "broek uitdeed", "broek uitdoet", "broek uit doet", "broek uittrekt",
    "broek uittrok", "in zijn bed slapen", "in zijn bed slaapt", "sleep in his bed", "sleeping in his bed", "uitkleden", "uitgekleed", "kust", "zoent", "zoende", "kuste",
    "gekust", "gezoend", "kisses", "kissed", "op schoot trok", "op schoot trekt", "op schoot moet",
) + r"|\bonder (haar|zijn|mijn|mn|me|d'r|z'n|her|his|my) (kleren|kleding|rok|jurk|shirt|trui|broek|clothes|skirt|shirt)\b"  # fmt: skip
# Dutch separable verbs: "hij raakt me aan", "hij zit aan haar", "hij kleedt haar uit"
SEXUAL_TOUCH_SPLIT = (
    r"\b(raakt|raakte|raken|raakten) (\w+ ){1,4}aan\b|\b(zit|zat|zitten|zaten) (\w+ )?aan (me|mij|haar|hem|mijn|haar|zijn)\b"
    r"|\b(kleedt|kleedde) (\w+ ){1,3}uit\b"
)
ADULT_AT_HOME = _stems(
    "vader", "papa", "pa", "stief*", "oom", "opa", "neef", "buurman", "trainer", "coach", "oppas", "babysitter",
    "volwassen*", "oudere", "leraar", "meester", "docent", "teacher", "uncle", "stepdad", "stepfather", "dad",
    "father", "man van", "vriend van mama", "vriend van haar moeder", "vriend van zijn moeder", "vriend van mijn moeder",
    "nieuwe vriend", "geheimpje", "geheim", "ome", "volwassene", "vriend van haar moeder", "dirigent", "leider*",
    "begeleider", "instructeur", "chauffeur", "taxichauffeur", "buschauffeur", "concierge", "pastoor", "priester",
    "imam", "therapeut", "bovenbuurman", "benedenbuurman", "man van de", "leader", "instructor", "coach", "driver",
    "priest", "neighbour", "neighbor", "moeders vriend", "mama s vriend", "mamas vriend", "man who lives with us",
    "mum s boyfriend", "mom s boyfriend", "mums boyfriend", "moms boyfriend",
) + (
    r"|\b\w+(leider|trainer|coach|leraar|lerares|begeleider|instructeur)\b"
    r"|\bvriend van (haar|zijn|mijn|mn|m'n) (moeder|mama|ma)\b|\b(man|jongen|vent|kerel|guy) (van|of) (19|[2-6]\d)\b"
)  # fmt: skip
INTIMATE = _stems(
    "piemel", "plasser*", "billen", "billetjes", "borsten", "tieten", "vagina", "penis", "kruis", "poesje",
    "private parts", "privates", "naakt*", "bloot", "zonder kleren", "ondergoed", "onderbroek", "bh", "underwear",
    "naked", "nude", "nudes", "down there", "daar beneden", "in the shower", "onder de douche", "in de douche",
)  # fmt: skip
IMAGES = _stems(
    "foto*", "foto s", "nepfoto*", "deepfake*", "pic", "pics", "naaktje*", "naaktfoto*", "filmpje*", "video*", "beelden", "nudes",
    "pictures", "photos", "snaps", "film", "filmen", "filmt", "filmde", "gefilmd", "webcam", "videocall", "video call",
)  # fmt: skip
COERCION = _stems(
    "dreig*", "gedreigd", "chanteer*", "chanteert", "gechanteerd", "afpers*", "afgeperst", "blackmail*",
    "threaten*", "sextortion",
)  # fmt: skip
# sexual remarks or intimidation by a teacher: the confidential inspector's subject, no acute danger
HARASSMENT = _stems("intimidatie", "opmerking*", "grensoverschrijdend*")
FORCING = _stems("dwing", "dwingt", "dwingen", "gedwongen", "dwong", "dwongen", "forced", "forces")
THREAT_CONDITION = (
    r"\banders\b|\bals (ik|ze|hij|je|zij) (niet|geen|het (\w+ )?(vertel|zeg|verklap)\w*)\b|\btenzij\b|\bor (else|they|he|she)\b"
    r"|\bunless\b|\bif (i|you|she|he|we) (dont|don t|do not|wont|won t|tell)\b"
)
# "anders zetten ze de film online": pictures put online unless the child obeys (sextortion)
PUBLISH_THREAT = (
    r"\b(anders|tenzij|or else|or they|or he|or she|unless|if i (dont|don t|do not))\b (\w+ ){0,4}"
    r"(zet|zetten|zette|deelt|delen|stuurt|sturen|post\w*|verspreid\w*|share\w*|send\w*|upload\w*|online)\b"
    r"|\b(post|share|send|verspreid\w*|online zetten|zet (\w+ ){0,2}online)\b (\w+ ){0,3}(if i|als ik) (told|tell|vertel\w*|zeg\w*)"
)
PAYMENT = _stems("betaal*", "betalen", "geld", "euro", "pay", "money")
FOOD_DENIED = _stems(
    "geen eten", "zonder eten", "zonder ontbijt", "niks te eten", "niets te eten", "niks gegeten", "niets gegeten", "niks gehad", "niets gehad",
    "altijd honger", "steeds honger", "dagen honger", "elke dag met honger", "niet mag eten", "eten maakt", "no food", "without food", "not fed", "hasnt eaten", "hasn t eaten",
    "starv*", "uitgehongerd", "krijgt al dagen niks", "krijgt niks", "nooit eten", "nooit te eten", "geen eten is",
    "op de grond slapen", "op de grond moet slapen", "geen bed",
)  # fmt: skip
NEGLECT_CONTEXT = _stems(
    "thuis", "dagen", "week", "weken", "sinds", "straf", "geeft", "geven", "krijgt", "krijg", "niemand", "ouders",
    "days", "home", "parents", "elke dag", "every day",
)  # fmt: skip
CONFINED = _stems(
    "opgesloten", "opsluit*", "opsluiten", "sluit me op", "sluit haar op", "sluit hem op", "op slot gedaan",
    "in de kelder gestopt", "in de kelder gezet", "in de kast gestopt", "in het hok gezet", "vastgebonden", "vastgebind*", "vastbind*", "locked", "locks me",
    "locks him", "locks her",
)  # fmt: skip
FORCED_MARRIAGE = _stems(
    "uithuwelijk*", "uitgehuwelijkt", "laten trouwen", "moet trouwen", "gedwongen trouwen", "gedwongen huwelijk",
    "forced marriage", "forced to marry",
) + r"|\bgestuurd om te trouwen\b|\bmoet (\w+ ){0,6}om te trouwen\b|\bwil (echt |helemaal )?niet trouwen\b|\b(gedwongen|dwingen|dwingt|dwong|forced)\b (\w+ ){0,5}(te )?(trouwen|marry)\b|\b(stuurt|sturen|stuurde|brengt|brengen|bracht) (\w+ ){0,3}om te (laten )?trouwen\b|\bsent\b.{0,30}\bto (marry|get married)\b"  # fmt: skip
# a passport taken away: the sign of a forced marriage or a stay abroad against one's will
PASSPORT_TAKEN = (
    r"\b(paspoort|passport)\w*\b.{0,20}\b(afgepakt|ingenomen|afgenomen|weggenomen|taken|kept|took|zijn weg|is weg|verdwenen|gone)\b"
    r"|\b(took|taken|takes|keeps|kept|afgepakt|ingenomen|afgenomen|houdt|hield|pakt)\b (\w+ ){0,4}(paspoort|passport|id kaart|verblijfsvergunning)\b"
)
# a parent who keeps the children: with "buitenland", a child abduction
NOT_BROUGHT_BACK = (
    r"\b(niet|nooit) (meer )?((heeft|hebben|had|wil|wilde|gaat|zal) )?(terug ?brengt|terug ?brengen|terug ?gebracht|terug ?geeft|teruggeven)\b"
    r"|\b(brengt|brengen|bracht|geeft|geven|gaf) (\w+ ){0,3}(niet|nooit) (meer )?terug\b"
)
EXPLOITATION = _stems("loverboy*", "mensenhandel", "voor geld", "seks voor", "sex for", "prostitu*", "tippelen")
# a child sent with or brought to men: by a "boyfriend" to hotels, cars, men with money and addresses
MEN_GROUP = r"\b(met|naar|voor|with|to meet) (\w+ ){0,2}(mannen|men|klanten|clients)\b"
PAID_CONTACT = _stems(
    "hotel*", "geld", "bedragen", "adressen", "betaal*", "iphone", "cadeau*",
    "money", "elke avond", "s nachts", "snachts", "every night", "verschillende autos", "different cars", "opgehaald",
    "komt pas", "picked up",
)  # fmt: skip
FEAR_OF_HOME = (
    r"\b(bang|doodsbang|afraid|scared) (voor|van|of)\b.{0,12}" + HOME_PERSON
    + r"|\b(nooit|niet|never) (meer )?(naar huis|thuis|home)\b.{0,12}\b(wil|wilt|durf\w*|willen|want|go)\b"
    + r"|\b(wil|wilt|durf\w*)\b (\w+ ){0,4}(nooit|niet) (meer )?(naar huis|terug naar huis)\b"
    + r"|\b(wil|durf\w*) (\w+ ){0,2}(niet|nooit) (nog een keer |meer |weer )?alleen (\w+ )?(met|bij) (hem|haar|mijn \w+|mn \w+)\b"
    + r"|\b(afraid|scared) to go home\b"
)  # fmt: skip
# "als mijn vader het hoort ben ik niet veilig": said of oneself, beside someone at home
NOT_SAFE_MYSELF = r"\b(ben|voel) (ik|me) (me )?(\w+ ){0,2}niet (meer )?veilig\b|\bi (am|m|feel) not safe\b"
INJURY = _stems(
    "striemen", "blauw oog", "blauwe plek*", "brandplek*", "brandwond*", "wonden", "bruise*", "black eye",
    "dikke wang", "bult*", "rare plekken", "wondjes",
)  # fmt: skip

DEATH_WISH = (
    # a wish of one's own ("ik wil dood"), not a grandfather who "gaat dood" or "wil weten"
    r"\b(wil|wilt|willen|wou|wens|hoop|liever|plan|want|wants|wanna|wish)\b(\s(?!weten|vragen|graag)\w+){0,4}\s"
    r"(dood|doodgaan|sterven|springen|zelfmoord|stoppen met alles|"
    r"ending it|end it|ending my life|niet (meer )?wakker|er niet meer (zijn|bij zijn)|mezelf om te brengen|"
    r"mn leven beeindigen|mijn leven beeindigen|een punt achter)\b"
    r"|\b(want|wants|wanted|wanna) (to )?die\b|\b(ga|gaat)\b (\w+ ){0,2}(springen|er een eind)"
    r"|\b(denk|denkt|dacht|think\w*)\b (\w+ ){0,2}(aan|about|over) (\w+ )?(dood ?gaan|doodgaan|sterven|springen|zelfmoord"
    r"|ending it|dying|suicide|mezelf|het spoor|de rails|de spoorbrug)\b"
    r"|\b(voordat|hoe|als) (je|ik|jezelf) (\w+ ){0,3}(dood|sterven|doodgaat|doodgaan)\b"
)
NO_MEANING = (
    r"\bzat om te leven\b|\bwaarom ik nog leef\b|\bleven (heeft|is) (geen zin|zinloos)\b|\balles (voelt|is) zinloos\b"
    r"|\bgeen zin (meer )?in (het|mijn|mn|m'n) leven\b|\bno point (in living|anymore|in life)\b"
    r"|\bsee the point in living\b|\been last voor iedereen\b|\bzonder mij (is|zijn|zou|wordt)\b"
    r"|\bbeter af zonder\b|\bme (snel|wel) vergeten\b|\bzou het merken als ik (weg|er niet)\b"
    r"|\bgeen zorgen meer (om|over) (mij|me)\b|\b(mijn|zijn|haar|mn) laatste dag\b(?! (van|voor|op))"
    r"|\bsorry voor alles\b|\bnooit geboren\b|\bgoodbye (messages|letter|note)\b|\bklaar mee\b.{0,15}\bmet alles\b"
    r"|\bdat het stopt\b.{0,20}\bvoorgoed\b|\b(dat|that) (het|alles|it|everything) (ophoudt|stopt|stops|ends) (\w+ )?(voor altijd|voorgoed|forever)\b|\bstoppen met alles\b|\bniet (meer )?wil bestaan\b"
    r"|\bleven (is )?(niks|niets) (meer )?waard\b|\bmanier(en)? (om|waarop) (\w+ ){0,2}(te sterven|dood te gaan|doodgaan|mezelf)"
    r"|\b(mezelf|zichzelf|mijzelf|myself) (\w+ ){0,2}(doden|te doden|ombrengen|om te brengen)\b"
    r"|\btrek\w* (dit|het) leven\b.{0,15}\b(niet|nie) meer\b|\bgecut\b|\bcutten\b|\bdisappear forever\b"
    r"|\bzelf ?mo+r[dt]\w*|\bsu[iy]?[cs]id\w*|\bzelfdod\w*"
    r"|\ber (\w+ ){0,3}een eind(e)? aan (maak|maakt|maken|te maken)\b|\b(ga|ik) (\w+ ){0,2}een eind(e)? maken\b(?! aan)|\beind(e)? aan (mijn|mn|zijn|haar|m'n) leven\b"
    r"|\b(k?zie|zie[tn]) (het |t )?(\w+ )?(niet|nie|ni|nt) meer zitt?e?n?\b"
    r"|\ber (\w+ ){0,2}niet meer (wil|wilt|wou|willen) (zijn|wezen|bestaan)\b"
    r"|\bzichzelf van het leven\b|\bvan het leven (beroven|te beroven)\b|\bmezelf om te brengen\b"
    r"|\bgeen reden (meer )?om (\w+ ){0,2}(te blijven|te leven|door te gaan)\b"
    r"|\b(ik|hij|ze|zij) er (over een week|over \w+ dagen|na (het weekend|vandaag|morgen)|binnenkort|snel) niet meer"
    r" (is|ben|zal zijn)\b"
    r"|\bbeter (is |zou zijn |zijn |was )?(als|zonder dat) (ik|hij|ze|zij) er (\w+ )?niet (meer )?(was|ben|is|zou zijn|waren|zijn)\b"
    r"|\bwaarom (leef|besta) (ik|hij|ze) (\w+ ){0,2}nog\b|\bwhy (am i|do i) (still )?(alive|living|exist)\b"
    r"|\b(een|dit is (mijn|mn)) laatste (post|bericht|story)\b|\b(bio|status|story)\b.{0,30}\b(tot ziens|vaarwel|doei|goodbye)\b"
)
PILLS = _stems(
    "pil", "pillen", "paracetamol", "ibuprofen", "slaappil*", "medicijn*", "tabletten", "oxazepam", "pills",
    "tablets", "diazepam", "temazepam", "lorazepam", "xanax", "antidepressiva", "ritalin", "concerta", "aspirine",
    "paracetamolletjes", "medicijnkast", "medication", "meds",
)  # fmt: skip
# medicine taken as meant: against a headache, for days as prescribed, kept at school
MEDICAL_USE = (
    r"\b(tegen (de )?(hoofdpijn|koorts|pijn|griep|buikpijn|allergie|hooikoorts|adhd)|voorgeschreven|dosering|bewaren"
    r"|op school (innemen|slikken)|(\d+|een|twee|drie) (dagen|weken|keer per dag)|mag (hij|ze|mijn kind) (naar school|mee)"
    r"|for (a|the) headache|prescribed)\b"
)
PILL_HARM = _stems(
    "dodelijk", "dood", "doodgaan", "doos", "strip", "wodka", "vodka", "gespaard", "opgespaard", "verzameld",
    "verzamel*", "sparen", "overdos*", "bunch", "te veel", "teveel", "handvol", "alle pillen", "al mijn pillen",
    "al mijn medicijnen", "al haar pillen", "al zijn pillen", "de hele strip", "een hele strip", "tientallen",
    "onder zijn bed", "onder haar bed", "onder mijn bed", "klaarliggen", "klaar liggen", "klaargelegd", "saving",
    "stockpil*", "leeg drinken", "leeg gaat drinken", "leegdrinken", "leeg eten",
    "leeg te drinken", "aftel*", "countdown",
) + (
    r"|\b(all|alle|al (de|mijn|haar|zijn))\b (\w+ ){0,2}(pills|tablets|meds|pillen|tabletten|medicijnen)\b"
    r"|\b(whole|hele) (pack|strip|doos|potje|fles)\b"
    r"|\b[1-9]\d (\w+ )?(pillen|pills|tabletten|tablets|paracetamol|ibuprofen|slaappillen|oxazepam|diazepam)\b"
)  # fmt: skip
HANGING = r"\bstrop\b|\btouw\b.{0,30}\b(kamer|zolder|ophangen|niet meer|trekt)\b"
JUMPING = (
    r"\b(spring\w*|gesprongen|jump\w*)\b.{0,30}\b(flat|brug|trein|dak|spoor|station|balkon|bridge|roof|train"
    r"|balcony)\b|\b(spring\w*|jump\w*)\b (from|off|uit|van) (the|de|het|een) (\w+ )?(floor|verdieping|raam|window|gebouw|building)\b"
    r"|\b(ga|gaat|gaan|ging)\b (\w+ ){0,2}van (het|de|een) (dak|flat|brug|balkon|spoorbrug)\b"
    r"|\bvoor (de|een) trein (ga|gaan|gaat|springen|liggen|lopen|stappen)\b"
    r"|\b(flat|brug|trein|dak|spoor|balkon)\b.{0,30}\b(spring\w*|jump\w*)\b"
    r"|\bvan (een|de|het) (flat|brug|dak|balkon)\b.{0,10}\b(valt|vallen)\b"
    r"|\bvan (het|de|een) (dak|flat|brug|balkon|spoorbrug) af\b"
    r"|\b(gonna|going to|wants to|want to|will) jump\b(?! (rope|on|in|into|the queue|over|higher|around))"
)
CUTTING = _stems(
    "snij", "snijd", "snijdt", "sneed", "gesneden", "kras", "krast", "krassen", "gekrast", "brandt", "cutting",
)  # fmt: skip
BODY = _stems(
    "arm", "armen", "pols", "polsen", "benen", "bovenbenen", "huid", "mesje", "bloed", "wrist*", "arms", "legs",
    "mesjes", "scheermesje*", "razor*", "dij", "dijen", "buik", "thigh*",
)  # fmt: skip
# what cutting gives: "dan voel ik eindelijk iets", and a wound that needs stitches
CUT_RELIEF = r"\bvoel ik (eindelijk |weer |tenminste )?(iets|rust|niks meer)\b|\bto feel (something|anything)\b|\bwanneer ik snij\b"
STITCHES = _stems("gehecht", "hechten", "hechting*", "stitches", "stitched")
DEEP_WOUND = _stems("diep", "diepe", "deep", "snee", "snij*", "gesneden", "wond", "bloed*", "cut")
BLEEDING_WRIST = r"\b(pols|polsen|wrist|wrists)\b.{0,20}\b(bloed\w*|blood\w*|bleeding)\b|\b(bloed\w*|blood\w*)\b.{0,20}\b(pols|polsen|wrist|wrists)\b"
SELF_CUT = r"\b(zich|me)\b (\w+ ){0,4}(gesneden|gekrast|snijdt|krast)\b"
SELF_WOUNDS = r"\b(wondjes|wonden|sneetjes|sneden|snijwonden|littekens|krassen|cuts|scars)\b.{0,20}\b(pols\w*|armen|bovenbenen|wrists)\b"
HIDDEN_BLADE = r"\bmesje\b.{0,30}\b(bed|kamer|slecht|verstopt|als het)\b"

WEAPON = _stems(
    "mes", "messen", "pistool", "pistolen", "vuurwapen*", "wapen", "wapens", "geweer", "taser", "boksbeugel",
    "bijl", "machete", "vlindermes", "jachtgeweer*", "luchtbuks*", "knuppel*", "honkbalknuppel*", "bom", "vuurwerkbom*", "explosie*", "bomb", "a gun", "the gun", "his gun", "her gun", "guns", "knife", "knives", "firearm",
)  # fmt: skip
WEAPON_HARMLESS = _stems(
    "kok", "koks", "koksopleiding", "slager", "keuken", "koken", "kookles", "nep*", "speelgoed*", "toneel*",
    "paintball", "waterpistool", "bestek", "opleiding", "knutsel*", "woodwork*", "houtbewerk*", "cooking", "chef*",
    "kitchen", "handvaardigheid", "techniekles", "ingeleverd", "afgegeven", "handed in", "turned in", "jager*",
    "jacht", "jachtakte", "wapenkluis",
)  # fmt: skip
KILLING_WORDS = _stems(
    "vermoord*", "afmaak*", "afmaken", "doodsteek*", "neersteek*", "neersteken", "neer te steken",
    "neerschiet*", "neerschieten", "neerknal*", "doodschiet*", "dood te maken", "dood maken", "doodmaakt", "doodmaken",
    "dood maakt",
    "dood te steken", "dood te schieten", "gaat steken", "gaan steken", "iemand steken", "kill", "kills",
    "killing", "shoot up", "shoot me", "shoot him", "shoot her", "shoot us", "stab", "stabbed", "in brand steekt",
    "in brand steken",
)  # fmt: skip
KILLING = (
    KILLING_WORDS
    + r"|\b(maakt|maak|maken)\b (je|jou|hem|haar|ons|jullie|me|mij|iedereen|ze) (allemaal )?af\b"
    + r"|\b(mijn|mn|m'n) (dochter|zoon|kind|kinderen)\b te pakken (krijgt|krijgen|nemen|neemt)\b"
    + r"|\b(opwacht\w*|opgewacht)\b.{0,40}\b(slaan|pakken|steken|mes|messen|in elkaar|vrienden|groep|jongens)\b|\b(laat|laten) ontploffen\b|\bopblazen\b|\bblow up\b"
    # "iemand iets aandoen" is harm; "er/daar iets aan doen" is doing something about it
    + r"|\b(?!er\b|daar\b|hier\b|wat\b|niet\b|nog\b|ook\b|school\b|toch\b|wel\b|snel\b|eens\b|even\b|echt\b|nou\b|dan\b|maar\b|moet\b|moeten\b|kan\b|kunnen\b|zou\b|zouden\b|graag\b)\w+ iets (aandoet|aandoen|aan te doen|aan doen)\b"
)
MISSING = (
    r"\b(is|zijn|was|waren|nu|al|ineens|opeens|gewoon|helemaal|spoorloos) (zoek|kwijt)\b|\b(vermist|verdwenen|onvindbaar|weggelopen|ontvoerd|missing|ran away|run away|niet thuisgekomen"
    r"|niet thuis gekomen|niet uit school gekomen|nergens (te )?vinden|weet niet waar (hij|ze|zij) (is|zijn)"
    r"|hasnt come home|hasn t come home|not come home|meegenomen door (een|iemand)|wandered off"
    r"|niet (\w+ )?(op school|thuis|bij (oma|opa|de opvang|de bso|training)) aangekomen|nooit aangekomen"
    r"|never arrived|(didn t|did not) arrive|weg sinds (gisteren|vannacht|vanochtend|vanmorgen|gisteravond)"
    r"|(can t|cannot|couldn t) find (him|her))\b"
)
NOT_A_PERSON_MISSING = _stems(
    "telefoon", "tas", "gymtas", "jas", "sleutel*", "pas", "boek*", "spullen", "kat", "hond", "hamster",
    "konijn", "poes", "rooster", "classes", "class", "lessons", "school", "les", "klas", "administratie",
    "bag", "phone", "weg", "draad", "overzicht", "tel", "leerlingenadministratie", "app", "whatsapp", "groepsapp", "klassenapp",
    "appgroep", "groepschat", "chat", "systeem", "leerlingvolgsysteem", "volgsysteem", "schoolsysteem", "magister", "somtoday", "lijst", "registratie",
)  # fmt: skip
MEDICAL = (
    r"\bniet (meer )?aanspreekbaar\b|\bademt (niet|slecht|raar|moeilijk|nauwelijks)\b"
    r"|\bniet wakker te krijgen\b|\bbuiten bewustzijn\b|\bkomt niet (meer )?boven\b|\bverdrinkt\b|\bdrowning\b|\bwent under\b|\bkopje onder\b|\bonder water (ging|gaat|lag)\b"
    r"|\bgedrogeerd\b|\bdrogeert\b|\bdrugged\b|\biets in (haar|zijn|mijn|mn) drankje\b"
    r"|\b(raar|duizelig|slap|wazig|strange|weird|dizzy)\b.{0,30}\b(na|after) (een|het|dat|a|the) (drankje|drink)\b"
    r"|\bhaalt (slecht|geen) adem\b|\bbewusteloos\b|\bnot breathing\b|\bunconscious\b"
)
STALKING = _stems(
    "achtervolg*", "gestalkt", "stalkt", "stalker", "being followed", "meelokken", "mee te lokken",
    "lokte haar mee", "lokte hem mee",
)  # fmt: skip
# "er volgt iemand mij", "a man is following me": followed now, told with fear
FOLLOWED = (
    r"\bvolgt (iemand|een man|een vrouw|een auto|een jongen|hij|ze) (mij|me|ons|haar|hem)\b"
    r"|\b(iemand|een man|een vrouw|een auto|een busje|een jongen) (\w+ )?(volgt|volgde) (mij|me|ons|haar|hem)\b"
    r"|\b(someone|a man|a guy|a car|a van) (is )?following (me|us|her|him)\b"
)
AFRAID = _stems("bang", "eng", "doodsbang", "help", "paniek", "scared", "afraid", "frightened")
# a child left behind where it is not safe, an injury whose story keeps changing
LEFT_ALONE = r"\balleen in (een|de|zijn|haar) (hete )?auto\b|\bleft alone in (a|the) car\b"
HEARD_VIOLENCE = (
    r"\b(hoor\w*|gehoord|heard|hear|hearing)\b.{0,50}\b(klappen|gillen|gegil|gebonk|gebons|slaan|geslagen|glas (\w+ )?(breken|brak)"
    r"|papa stop|mama stop|hou op|om hulp (roepen|roept|riep)|hulp roepen|thud|smash\w*|glass breaking|scream\w*"
    r"|(crying|calling|screaming) for help)\b"
)
FRACTURE = _stems("gebroken arm", "gebroken been", "gebroken pols", "botbreuk*", "breuk*", "broken arm", "broken bone*")
STORY_CHANGES = (
    r"\b(zegt|vertelt|verklaart|vertellen|zeggen) (steeds|telkens|elke keer|iedere keer) (iets|wat) anders\b"
    r"|\bverhaal (klopt|past) niet\b|\bstory (keeps changing|doesnt add up)\b"
    r"|\bgeen verklaring\b|\b(kunnen|kan) (het|dat) niet verklaren\b|\bno explanation\b|\b(can t|cannot) explain\b"
    r"|\bverschillende stadia\b|\bmeerdere (botbreuken|breuken|fracturen)\b|\bmultiple fractures\b"
)
# an adult who draws a child in with gifts, money, drink or outings (grooming, a loverboy)
OLDER_PARTNER = (
    r"\b(veel )?(oudere|volwassen|volwassene) (man|vriend|jongen|mannen|jongens)\b"
    r"|\b(man|jongen|vent|vriend|vriendje) van (19|[2-6]\d)\b|\b(boyfriend|man) (of|aged) (19|[2-6]\d)\b"
)
LURES = _stems(
    "geld", "cadeau*", "drank", "drugs", "meeneemt", "feest*", "hotel", "naar hem toe", "ophalen", "auto", "afspreken",
    "belooft", "beloofd", "promises", "meet up", "slapen", "logeren", "bij hem",
)  # fmt: skip
# a stranger who draws children into a car or van, at the school gate or in the street
LURING = (
    r"\b(lokken|lokt|lokte|gelokt|instappen|instapten|instapte|in te stappen|ingestapt|mee te nemen|meenemen|meegenomen"
    r"|into (his|the|a) (car|van))\b|\b(snoep|snoepjes|candy|sweets)\b (\w+ ){0,2}(aanbiedt|aanbieden|geeft|offers)\b"
    r"|\b(biedt|bood|offers|offered) (\w+ ){0,3}(snoep|snoepjes|candy|sweets)\b|\bmee (\w+ ){0,2}nemen\b|\b(neemt|nam|namen) (\w+ ){1,3}mee\b"
    r"|\bin (een|het|de|zijn|hun|a|the|his) (busje|auto|bus|bestelbus|van|car) (te )?(krijgen|trekken|duwen|sleuren|stappen)\b"
)
# "een man", not "mijn man" (a husband who takes the children on holiday)
STRANGER = (
    r"\b(een|die|onbekende|vreemde|oudere|enge) (man|mannen)\b"
    r"|\b(die|that|who) (hij|ze|zij|ik|he|she|i) (niet kent|niet ken|niet kende|doesn t know|don t know|didn t know)\b|"
    + _stems("vreemde*", "onbekende*", "stranger*", "a guy", "a man", "busje", "bestelbus")
)
# a small child alone where it is not safe, or left alone for hours, nights or days
SMALL_CHILD = _stems(
    "peuter*", "kleuter*", "baby", "babys", "kindje", "toddler", "zesjarige", "vijfjarige", "vierjarige",
    "driejarige", "tweejarige",
) + (
    r"|\b(kind|kinderen|\w*jongetje|\w*meisje|zoontje|dochtertje|girl|boy|child|kid|kids|children)\b.{0,30}\b[1-6]\b"
    r"|\b[1-6] ?(year|yr|jaar|jarige)s?( old)?\b"
)  # fmt: skip
# outside late at night: a small child on the street until midnight
OUTSIDE = _stems("buiten", "op straat", "outside", "on the street", "in the street")
LATE = _stems(
    "tot middernacht", "tot laat", "midnight", "until late", "late at night", "elke nacht", "every night", "s nachts",
    "snachts",
)  # fmt: skip
ALONE = _stems(
    "alleen", "in zijn eentje", "in haar eentje", "alone", "by himself", "by herself", "thuis gelaten", "achtergelaten"
)
ALONE_TOO_LONG = _stems(
    "urenlang", "uren", "dagen", "nachten", "elke avond", "hele weekend", "hele nacht", "week", "weken", "days", "nights",
    "all weekend", "for hours", "all night", "since two days", "since 2 days", "al uren", "elke nacht", "every night",
    "s nachts", "snachts",
) + r"|\bsinds (gister\w*|eergisteren|vannacht|\w+dag|\w+avond|twee dagen|\d+ dagen)\b|\bsince (yesterday|last night|\w+day)\b"  # fmt: skip
# a child at an open window or on a ledge high up
HIGH_PLACE = (
    r"\b(op|in) de vensterbank\b|\bmet het raam (\w+ )?open\b|\buit het raam (hangt|hangen|klimt|klimmen)\b|\bop de reling\b|\bover de reling\b|\brand van het (dak|balkon)\b"
    r"|\bopen window\b|\bwindow ledge\b|\bwindowsill\b|\bon the ledge\b|\b(over|op) de rand\b|\bover the edge\b"
    r"|\b(alleen|alone) in (het|de|the) (bad|bath|zwembad|pool|water)\b|\b(bad|bath|zwembad|pool) (\w+ ){0,3}(alleen|alone)\b"
)
# a carer gone or out of reach while a child waits, for hours or since yesterday
CARER_GONE = (
    r"\b(moeder|vader|ouders|mama|papa|mum|mom|dad|parents|mother|father|de ouders)\b (\w+ ){0,4}"
    r"(is weg|zijn weg|niet thuis|niet teruggekomen|niet terug gekomen|niet meer teruggekomen|onbereikbaar|niet bereikbaar"
    r"|neemt niet op|nemen niet op|isn t answering|isnt answering|not answering|not home|never came back|hasn t come back)\b"
    r"|\b(thuis niemand|niemand thuis|nobody (is )?(at )?home|no one (is )?(at )?home)\b"
    r"|\bniet opgehaald\b|\bnot picked up\b|\bdropped (him|her|them) off\b|\bgeen reactie op (onze|mijn) (telefoontjes|berichten)\b"
)
# an untreated wound or illness: neglect
UNTREATED = r"\b(wond\w*|brandwond\w*|wound\w*)\b.{0,40}\b(ontst\w*|infect\w*|pus|etter\w*|niet (behandeld|verzorgd))\b"
# what cancels a combination: a fall or a blood test, a lost phone, a letter of complaint, a
# surprise for the teacher, a football team, a parent in hospital or a school taxi that did not come
FALL_OR_CARE = _stems(
    "gevallen", "viel", "val", "vallen", "valpartij", "fiets", "gym", "sport", "fell", "broken", "gebroken", "prik*", "dokter", "huisarts",
    "ziekenhuis",
)  # fmt: skip
LOST_THING = _stems("telefoon", "tas", "jas", "sleutel*", "fiets", "boek*", "phone", "kwijt", "lost")
LETTER_TO_AN_OFFICE = _stems("school", "klacht", "bezwaar", "gemeente", "mentor", "directeur", "directie")
SURPRISE = _stems("cadeau*", "verrassing*", "surprise", "sinterklaas", "verjaardag*", "feest*")
TEAM_OR_FAMILY = _stems("voetbal*", "training", "team", "sport*", "wedstrijd", "familie")
ORDINARY_ABSENCE = _stems(
    "verzuim", "ziek", "ziekmelding", "gesprek", "rapport", "formulier", "taxi", "leerlingenvervoer", "vervoer", "bus",
    "ziekenhuis*", "opname", "vakantie", "op reis", "niet op school",
)  # fmt: skip
CARE_ARRANGED = _stems("oppas", "opvang", "logeren", "bij oma", "bij opa")
# "nog niks gehad" of a copy of the file, "krijgt niks extra" at school: no food denied
NOT_ABOUT_FOOD = _stems("kopie", "dossier", "antwoord", "reactie", "extra", "uitslag", "ondersteuning", "begeleiding")
# "achterlating": a child left behind abroad, in a re-education school or with family
LEFT_ABROAD = r"\b(achterla\w*|achtergelaten|leave (him|her|them) (behind|there)|left (him|her) behind)\b"
ABROAD = _stems(
    "buitenland", "land van herkomst", "heropvoeding*", "kostschool", "koranschool", "abroad", "turkije", "marokko",
    "somalie", "afghanistan", "pakistan", "irak", "syrie", "eritrea",
)  # fmt: skip
# a protective order broken or at stake: a father with a contact ban who takes or threatens a child
PROTECTIVE_ORDER = _stems("contactverbod", "straatverbod", "omgangsverbod", "huisverbod", "restraining order")
ORDER_AT_STAKE = _stems(
    "onbereikbaar", "niet opgehaald", "niet teruggekomen", "nooit meer", "meegenomen", "stuurde", "voor de deur",
    "bij het hek", "dreig*", "komt halen", "komt ophalen", "op te halen", "ophalen", "halen",
)  # fmt: skip
# honour: a girl who "dishonoured the family", brothers who will "deal with" her
HONOUR = _stems("eer", "eerwraak", "schande", "dishono*", "honou*", "namus")
HONOUR_THREAT = _stems(
    "deal with", "afrekenen", "aanpakken", "straffen", "vluchten", "run", "bang", "afraid", "scared", "dood", "kill",
    "broers", "brothers", "zwanger", "pregnant",
)  # fmt: skip
# a threat to a life: "hij zei dat ik niet meer leef als ...", gas turned on while the children sleep
LIFE_THREAT = (
    r"\b(zei|zegt|zeggen|zeiden|dreigt|dreigde|said|says)\b (\w+ ){0,3}(dat |that )?(\w+ ){1,3}"
    r"(niet meer leef|niet meer leeft|niet meer leven|dood ben|dood bent|dood is|is dead|are dead|won t live|will not live)"
    r" (als|if|when|wanneer)\b"
    r"|\b(gezegd|zei|zegt|zeggen|roept|riep|said|says) (dat |that )?(ze|zij|hij|je|jij|she|he|you) (\w+ ){0,2}(beter|liever) dood\b"
    r"|\b(gezegd|zei|zegt|zeggen|said|says) (that )?(she|he|you) (\w+ ){0,2}better (off )?dead\b"
    r"|\bgas\b (\w+ ){0,3}(open|aan) (\w+ ){0,2}(zetten|draaien|doen|zet|draait)\b"
)
# grooming: an adult who wants to meet a child and says it must stay secret
SECRECY = (
    r"\b(geheim|geheimpje) (moet|moeten|te) houden\b|\b(niet|niks|niets|nooit) (\w+ ){0,4}(mag|mogen|moet) (vertellen|zeggen)\b"
    r"|\b(mag|mogen|moet|moeten) (het |dit |dat )?(niet|niks|niets|nooit) (\w+ ){0,4}(\w*vertellen|zeggen|weten)\b|\bniemand mag (het )?weten\b"
    r"|\bwil niet dat (ik|je|we|wij) (het|dat|dit) (\w+ )?(zeg|zeggen|vertel|vertellen)\b"
    r"|\b(dont|don t|not to|never) tell\b|\bour (little )?secret\b|\bmust keep (it )?(a )?secret\b|\bniet mag vertellen\b"
)
ADULT_CONTACT = _stems(
    "afspreken", "afgesproken", "afspraak", "filmpjes", "foto*", "berichten", "stuurt", "doet", "komt", "zien",
    "ophalen", "auto", "kamer", "toilet", "wc", "meet", "meeting", "messages", "does", "comes", "kom", "slapen",
    "logeren", "gedaan", "deed", "did", "samen doen", "wat we doen",
)  # fmt: skip
ONLINE_ADULT = (
    r"\b(man|jongen|iemand|volwassene|guy|someone)\b (\w+ ){0,1}(van|via|op|from|on) (het )?(internet|discord|snapchat|snap"
    r"|instagram|insta|tiktok|whatsapp|online|roblox|fortnite|de chat)\b|\bhij zegt dat hij 1[4-8] is\b"
)
FLATTERY = (
    r"\bje bent (zo |echt |heel )?(mooi|knap|sexy|lekker|volwassen)\b|\byou re (so |really )?(beautiful|pretty|sexy|hot|mature)\b"
    r"|\b(dat|that) (ze|zij|hij|she|he) (is )?(zo|so|echt|really|heel) (mooi|knap|sexy|lekker|beautiful|pretty|hot)\b"
    r"|\b(zegt|zei|says|said) dat hij (van haar|van hem|van me|van mij) houdt\b|\b(says|said) he loves (her|me|him)\b"
)
MEETING = (
    r"\b(afspreken|afgesproken|naar (het station|hem|zijn huis) (kom|komt|komen|gaan)|wil (\w+ ){0,3}zien"
    r"|ophalen|oppikken|komt (\w+ ){0,2}halen|wil dat (ze|ik|hij) (\w+ ){0,3}(komt|kom|langskomt)|meet up|meet me|come to my house|to (my|his) house|pick (me|her|him) up|video ?call)\b"
)
# coerced acts: "hij laat me dingen doen", "ze dwingen me om dingen te doen"
COERCED_ACTS = (
    r"\b(laat|laten|liet|dwingt|dwingen|dwong|moet|moest)\b (me|mij|haar|hem|ons) (\w+ ){0,2}dingen (\w+ ){0,4}(doen|te doen)\b"
    r"|\bmakes? (me|her|him) do (things|stuff)\b|\b(doet|deed|doen) (rare|vieze|enge|gekke) dingen (bij|met) (me|mij|haar|hem|ons)\b"
)
# the threat that keeps a child silent: "als ik het vertel doet hij mijn zusje pijn"
TELLING_THREAT = (
    r"\b(if|als) (i|ik|she|ze|he|hij|we) (\w+ )?(tell|tells|vertel\w*|zeg\w*|verklap\w*)\b.{0,40}"
    r"\b(hurt|pijn|kill|vermoord\w*|slaat|slaan|sloeg|in elkaar|dood)\b"
)
KNOWS_ADDRESS = (
    r"\b(knows|know) where (i|we|you|she|he) live\b|\bweet waar (ik|we|wij|je|ze|zij|hij) (woon|woont|wonen)\b"
)
# veiled suicide: gone tomorrow, a letter written, one's things given away, a method without pain
GONE_SOON = (
    r"\b(morgen|straks|vanavond|vannacht|binnenkort|na vandaag|volgende week|over \w+ (dagen|weken))\b (\w+ ){0,2}"
    r"(ben|is|zijn) (ik|hij|ze|zij) er (\w+ ){0,2}niet meer\b"
    r"|\b(ik|ze|zij|hij|ben) er (na (het|dit) weekend|volgende week|morgen|over \w+ (dagen|weken|jaar)|voor de zomer"
    r"|na de vakantie|binnenkort) (\w+ ){0,2}niet meer\b"
    r"|\b(vanavond|vannacht|morgen) (is het|het is) (allemaal )?(voorbij|over|afgelopen)\b"
    r"|\bniemand (\w+ ){0,2}(gaat|zal) (me|mij|hem|haar) (\w+ ){0,2}vinden\b|\bnobody will find (me|him|her)\b"
)
LETTER = (
    r"\b(brief|brieven|briefje|afscheidsbrief|letters?|note)\b (\w+ ){0,3}(geschreven|klaar|verstopt|achtergelaten|written|wrote)\b"
    r"|\b(written|wrote|geschreven) (\w+ ){0,2}(letters?|brieven|brief|a note)\b"
    r"|\b(alles|een brief|briefje) (\w+ )?(opgeschreven|geschreven) voor (mijn|mn|m'n|haar|zijn) (ouders|moeder|vader|mama|papa)\b"
)
DESPAIR = _stems(
    "leeg", "klaar mee", "kan niet meer", "kan het niet meer", "niemand luistert", "alles geprobeerd", "alles is kapot",
    "hopeloos", "wanhopig", "zinloos", "cant do this", "can t do this", "cannot do this", "empty", "hopeless",
    "no way out", "geen uitweg", "trekt het niet", "trek het niet", "niet meer aan", "niet meer aankan", "niet meer aan kan",
    "kan het niet meer", "niet meer bij hoor", "hoor er niet bij", "don t belong", "dont belong",
)  # fmt: skip
GIVING_AWAY = (
    r"\b(weggegeven|weg gegeven|weggeeft|geeft (\w+ ){1,4}weg|gaf (\w+ ){1,4}weg|uitgedeeld|(deelt|deelde) (\w+ ){1,4}uit"
    r"|gave away|giving away|gives away|aan (de|een|zijn|haar|mijn) \w+ (gegeven|geschonken))\b"
)
POSSESSIONS = _stems(
    "knuffel*", "spullen", "fiets", "spaargeld", "gitaar", "laptop", "kleren", "games", "telefoon", "sieraden",
    "spelletjes", "playstation", "things", "stuff", "belongings", "bike", "savings", "hond", "kat", "huisdier", "konijn",
    "dog", "cat", "pet",
)  # fmt: skip
PAINLESS = r"\b(zonder pijn|pijnloos|painless\w*)\b|\bwould it be quick\b"
METHOD = (
    r"\b(manier|methode|way|how|what happens if)\b.{0,40}\b(het te doen|het doen|dood|sterven|die|dying|er een eind|jump\w*)\b"
    r"|\bmanier om (het|er) (\w+ ){0,3}(te doen|te beeindigen)\b|\bhoe (je|ik|jij|men|u) (het|er) (\w+ ){0,3}(doet|doen)\b"
)
# sitting in a car or van with strangers, sending a location and "help"
IN_VEHICLE = r"\b(in|into) (een|de|het|zijn|hun|a|the|his|their) (busje|auto|bus|bestelbus|car|van)\b"
ORDINARY_GIVING = _stems(
    "verkocht", "te klein", "oude", "marktplaats", "goede doel", "kringloop", "charity", "sold", "school", "juf", "meester",
    "leraar", "gemeente", "voedselbank", "verhuiz*", "allergi*",
)  # fmt: skip
# games: "killing enemies" in a shooter, the "kill switch" of a school laptop
GAMES = _stems(
    "game*", "gamen", "gamet", "shooter*", "fortnite", "minecraft", "roblox", "enemies", "vijanden", "spelletje*",
    "kill switch", "killswitch",
)  # fmt: skip
# an adult at home who hurts a child ("vader hem pijn doen", "hurts her down there")
HURTS = (
    r"\b(hem|haar|me|mij|ons|de kinderen) pijn (doen|doet|deed|gedaan)\b|\bpijn (doet|doen|deed) (aan )?(hem|haar|me|mij)\b"
    r"|\bdoet (hem|haar|me|mij|ons) pijn\b|\b(hurts|hurt|hurting) (me|her|him|us)\b"
)
# a child made pregnant by an adult at home
PREGNANT_BY_ADULT = (
    r"\bzwanger\b (\w+ ){0,2}(van|door) (haar |mijn |mn |zijn |de )?(oom|vader|stiefvader|stiefpa|opa|broer|neef|trainer"
    r"|leraar|meester|docent|buurman|coach)\b|\bpregnant by (her|my|his) (uncle|father|stepfather|dad|stepdad|brother)\b"
)
# a stay abroad against one's will: "she must go to Morocco and stay there", "he is locked up and may not come back"
STAY_ABROAD = (
    r"\b(daar|there) (moet |moeten |must |has to )?(blijven|achterblijven|stay)\b|\bniet terug mag\b|\bmag niet terug\b"
    r"|\bnot allowed (to come )?back\b|\b(can t|cannot) come back\b|\bmoet (daar )?blijven\b"
)
UNWILLING = _stems(
    "wil niet", "wilde niet", "tegen haar zin", "tegen zijn zin", "doesn t want", "doesnt want", "bang", "afraid",
    "opgesloten", "locked", "scared",
)  # fmt: skip
# a visit at night: "he comes into my room when everyone sleeps", "hij komt elke nacht knuffelen"
NIGHT_COMES = (
    r"\b(komt|kwam|komen|comes|came) (\w+ ){0,3}(knuffelen|kroelen|liggen|slapen|in (mijn|haar|zijn|mn) bed"
    r"|op (mijn|haar|zijn|mn) kamer|into (my|her|his) (room|bed))\b"
)
NIGHT = _stems(
    "elke nacht", "s nachts", "snachts", "at night", "every night", "als iedereen slaapt", "when everyone sleeps"
)
# a parent who drinks or stays in bed while the children go without care, or a child afraid of it
CARER_IMPAIRED = (
    r"\b(moeder|vader|ouders|mama|papa|stiefvader|stiefmoeder|mum|mom|dad|parents|stepdad)\b (\w+ ){0,3}"
    r"(drinkt|drinken|dronken|gebruikt drugs|drugs gebruikt|stoned|ligt (\w+ ){0,3}in bed|staat niet op|niet opstaat|drinks|drunk)\b"
)
UNCARED = (
    r"\b(durf niet|durft niet|bang|afraid|scared|tekeer|vergeet (ons|me|mij|hem|haar)|forgets (us|me)|geen eten|honger"
    r"|niet (\w+ )?gegeten|geen schone luier|luier)\b"
)
# a family without a home in the cold: living in a car, evicted, sleeping outside
HOMELESS = (
    r"\b(in een auto|in de auto|op straat|buiten) (wonen|woont|slapen|slaapt)\b|\b(wonen|woont|slapen|slaapt) (\w+ ){0,4}"
    r"(in een auto|in de auto|op straat)\b|\buit huis gezet\b|\bdakloos\b|\bhomeless\b|\b(living|sleeping) in (a|the|our) car\b"
)
# a place to sleep tonight, asked by someone who is not safe at home
SHELTER_TONIGHT = (
    r"\b(ergens|waar)\b (\w+ ){0,3}(slapen|heen|naartoe|blijven|logeren)\b.{0,30}\b(vannacht|vanavond)\b"
    r"|\b(vannacht|vanavond)\b.{0,30}\b(ergens|waar)\b (\w+ ){0,3}(slapen|heen|naartoe|blijven)\b|\bslaapplek\b|\bonderdak\b"
    r"|\b(ergens|waar)\b (\w+ ){0,3}(vannacht|vanavond) (\w+ )?(slapen|heen|naartoe|blijven)\b"
    r"|\b(somewhere|place) to (sleep|stay) tonight\b"
)
# "thuis is het niet veilig", in so many words (also the safety line's, ``UNSAFE_AT_HOME``)
NOT_SAFE_AT_HOME = (
    r"\b(thuis|bij ons|in huis)\b.{0,20}\bniet (meer )?veilig\b|\bniet (meer )?veilig\b.{0,20}\b(thuis|bij ons)\b"
)
HOME_UNSAFE = (
    NOT_SAFE_AT_HOME + r"|\b(kan|durf|wil|mag) (\w+ ){0,2}niet (meer )?naar huis\b|\b(not|isn t|isnt) safe at home\b"
)
# someone who says goodbye to everyone, secretly
FAREWELL_ALL = (
    r"\bafscheid\b (\w+ ){0,3}(van|aan) (iedereen|alles|al (mijn|mn|m'n|zijn|haar) \w+|alle \w+|de hele klas)\b"
    r"|\bsaid goodbye to everyone\b"
)
LEAVING_FOR_A_REASON = _stems(
    "juf", "meester", "leraar", "docent", "groep 8", "musical", "verhuiz*", "pensioen", "vakantie", "afscheidsfeest*",
    "nieuwe school",
)  # fmt: skip
# an adult who asks a child for pictures of herself
ASKS_FOR_PICTURES = (
    r"\b(asking|asks|asked|vraagt|vroeg|wil|wants)\b (for |om |naar )?(\w+ ){0,2}(pictures|pics|photos|nudes|foto s|fotos"
    r"|naaktfoto\w*) (of me|of her|of him|van mij|van me|van haar|van hem)\b"
)
PICTURES_FOR_SCHOOL = _stems(
    "jaarboek", "klassenkrant", "schoolfoto*", "website", "vakantie", "project", "werkstuk", "yearbook"
)
# giving up, in so many words: "het maakt toch niemand uit", "ik wil ook niet meer"
NOBODY_CARES = (
    r"\bhet maakt (toch )?niemand (iets )?uit\b|\bmaakt (het )?(toch )?(\w+ )?(niet|niks|niets) meer uit\b"
    r"|\bniemand (geeft|gaf) (\w+ )?om (mij|me)\b|\bnobody cares (about me|if i)\b"
)
GIVING_UP = (
    r"\bwil (ook |gewoon |echt )?niet meer\b|\beet (\w+ ){0,3}niet meer\b|\bmoeite doen\b|\bheeft (het )?geen zin\b"
    r"|\bover (een paar|\w+) dagen\b|\bgive up\b"
)
# owned and kept: "ik ben zijn bezit", a phone taken, not allowed to leave
OWNED = r"\b(zijn|haar) bezit (ben|is)\b|\bik ben van hem\b|\b(says|said) i belong to him\b|\bhis property\b"
KEPT = _stems(
    "niet mag weggaan", "mag niet weg", "afgepakt", "afgenomen", "opgesloten", "not allowed to leave", "took my phone"
)
# someone sitting on a roof, a bridge or a ledge for a long time
ON_THE_EDGE = r"\b(zit|zitten|staat|sta|stond|zat|sits|standing|sitting)\b (\w+ ){0,3}(op|bij|on) (het dak|de brug|de rand|het spoor|de spoorbrug|de reling|the roof|the bridge|the ledge)\b"
ROOF_WORK = _stems("bal", "dakdekker", "klussen", "repareren", "zonnepanelen", "ball", "repair")
# a cruel punishment: a cold shower until the lips turn blue
COLD_PUNISHMENT = r"\bkoude douche\b|\bijskoude? (douche|bad|water)\b|\bcold (shower|bath|water)\b|\bbuiten in de kou\b"
# a visit at night: "he comes into my room when everyone sleeps"
NIGHT_VISIT = (
    r"\b(comes|came|komt|kwam)\b (\w+ ){0,2}(into|in|op|naar|to) (my|her|his|mijn|mn|haar|zijn) (room|bed|kamer)\b"
    r".{0,30}\b(sleep\w*|slaapt|slapen|night|nacht\w*|snachts)\b"
)
MINOR = (
    r"\b(1[0-7]|[4-9]) ?(jaar|jarige|jr|year old|years old|yo)\b|\b(van|is|aged|age) (ongeveer )?(1[0-7]|[4-9])\b"
    r"|\b(zusje|dochter|nichtje|buurmeisje|meisje|jongen|girl|boy|daughter|son|zoon)\b"
)
BRIDE = r"\b(she s|she is|zij is|ze is) (the|de) (bride|bruid)\b|\b(taking|takes|brengen|brengt|sturen|stuurt) (her|haar) (\w+ ){0,4}(for|voor) (a|een|the|de) (wedding|bruiloft|huwelijk)\b"
ALONE_ALLOWED = _stems("mag", "mogen", "vanaf", "leeftijd", "oud genoeg", "allowed", "age", "can", "kan")
ROAD = _stems("weg", "straat", "provinciale", "hoofdweg", "snelweg", "spoor", "kanaal", "road", "street", "highway") + (
    r"|\b(langs|op|over|naast) de [an] ?\d{1,3}\b"
)
# sleeping in a shed, a pen or outside as a punishment
SHED_SLEEP = (
    r"\b(schuur|tuinhuis\w*|hok|garage|kelder|zolder|shed|basement|cellar|buiten)\b.{0,20}\b(slapen|slaapt|sliep|sleep\w*|overnachten)\b"
    r"|\b(slapen|slaapt|sliep|sleep\w*)\b.{0,20}\b(in de schuur|in het hok|in the shed|outside)\b"
)
MADE_TO = _stems("moet", "moest", "moeten", "straf", "must", "has to", "made", "punish*", "stout", "koud")
CAMPING = _stems("kamp", "tent", "camping", "schoolreis", "logeer*", "camp")
# burning with a cigarette, a lighter or a stove: by someone else it is abuse, by oneself self-harm
BURN_TOOL = _stems("sigaret*", "aansteker", "strijkijzer", "cigarette*", "lighter")
BURN_ACT = _stems(
    "brandt", "gebrand", "verbrand*", "brandplek*", "drukt", "uitgedrukt", "uitdrukt", "burns", "burned", "burnt"
)
OWN_HAND = _stems("zelf", "zichzelf", "herself", "himself")
# sexualised behaviour of a toddler: imitating sex, often naming who did it
SEX_IMITATION = r"\b(nadoen|nadoet|naspel\w*|doet (\w+ ){0,5}na|deed (\w+ ){0,5}na|imitat\w*|acts out)\b"
# "she has a knife and is doing it now": a knife for herself, not a threat to others
DOING_IT_NOW = r"\b(het|t) (nu |zo |vanavond )?(gaat|ga|wil) doen\b|\bdoe (het|t) nu\b"
# veiled goodbye: everything arranged, a last post, a goodbye in a bio
ARRANGED = r"\balles (heeft |heb |had )?geregeld\b|\barranged everything\b"
FAREWELL = _stems(
    "afscheid", "niet boos", "bedankt voor alles", "goodbye", "vaarwel", "thank you for everything",
)  # fmt: skip
# "een gevaar voor andere kinderen": what a school says of a pupil's behaviour, no danger to him
_DANGER = r"\bgevaar\b(?! (is |zijn |was |wordt )?voor (de |andere |de andere )?(kinderen|leerlingen|anderen|klas|klasgenoten|medeleerlingen|groep)\b)"
# Distress without a named harm: not a crisis by itself, but enough for the classifier's crisis.
DISTRESS_WORDS = _stems(
    "geweld", "doodsbang", "help", "paniek", "nood", "noodgeval", "onveilig", "uit de hand", "escaleert",
    "danger", "unsafe",
) + "|" + _DANGER  # fmt: skip
DISTRESS = DISTRESS_WORDS + r"|\bgaat (\w+ ){0,3}mis\b"

THREAT = _stems("dreig*", "gedreigd", "bedreig*", "threaten*", "threat*")
# a school or an official who "threatens" with a sanction is no danger
SANCTION = _stems(
    "boete", "nablijven", "proces verbaal", "straf", "schorsing", "geschorst", "zitten", "blijven zitten",
    "verwijder*", "melding", "leerplicht*", "school", "juf", "meester", "mentor", "leraar", "docent", "rapport",
    "fine", "detention", "advocaat", "rechter", "rechtszaak", "klacht", "omgang",
)  # fmt: skip
ADMIN = _stems("boete", "leerplicht*", "proces verbaal", "rechter", "rechtszaak", "advocaat", "schorsing", "juridisch")
CRIMINAL = _stems("drugs", "dealen", "dealer*", "koerier*", "bende", "gang", "crimine*", "wiet", "coke")

PEERS = r"(?<!\bin )\belkaar\b|" + _stems(
    "ruzie", "jaloers", "pest*", "gepest", "klasgenoot", "klasgenoten", "medeleerling*", "schoolplein", "pauze",
    "speelplaats", "vechten", "gevochten", "judo", "kickboks*", "voetbal", "sport", "spel", "bal", "mat", "bullied",
    "bully*", "classmate*", "klassenapp", "groepsapp", "appgroep", "groepschat",
)  # fmt: skip
FOUND_AGAIN = _stems("terug", "teruggevonden", "gevonden", "weer thuis", "back home", "found", "was weggelopen")

# -- negative context ----------------------------------------------------------------------------
# Idioms and harmless uses, removed from the text before any concept is looked for.
IDIOMS = re.compile(
    r"\bdood ?(moe|op)\b|\bdood (van|aan) (het lachen|verveling|de verveling|schaamte|de zenuwen|de kou)\b"
    r"|\bdoodgaan van (het lachen|verveling)\b|\b(zo|te) moe dat ik (wel )?dood\b.{0,10}"
    r"|\b(huiswerk|toets\w*|wiskunde\w*|school|les|lessen|werk|rooster|dat|dit|die|deze)\b( \w+){0,2} "
    r"(vermoordt|vermoorden|maakt|maken) (me|mij|ons)( helemaal)?( kapot| af)?\b"
    r"|\b(is|are) killing me\b|\bdying (to|of boredom|of laughter)\b|\bdead tired\b"
    r"|\bsla\w* (\w+ ){0,3}over\b|\b(slaat|sloeg|sla|slaan) (\w+ ){0,3}door\b(?! (de|het|een|zijn|haar|mijn|me|mij|hem)\b)|\bslaat (\w+ ){0,4}op\b|\bdicht ?sla\w*\b"
    r"|\b(blauwe plek\w*|blauw oog|schaafwond\w*|bult\w*|bloed\w*)\b.{0,30}\b(van|bij|tijdens|door) (het |de |een )?"
    r"(\w*toernooi|rugby|voetbal\w*|hockey\w*|judo|gym|gymles|sport\w*|training|wedstrijd|vallen|bal)\b"
    r"|\b(\w*toernooi|rugby|voetbal\w*|hockey\w*|judo|turnen|sport\w*|training|wedstrijd)\b.{0,50}"
    r"\b(blauwe plek\w*|schaafwond\w*|bult\w*)\b(?!.{0,60}\b(vinger\w*|handafdruk\w*|greep|knijp\w*|schrok|schrikt)\b)"
    r"|\bdood ?graag\b"
    r"|\b(wil|ga|gaan) (\w+ ){0,2}dood\b[^.]{0,30}\bsaaie? (les|lessen|dag|toets|uur|klas)\b"
    r"(?!.{0,80}\b(geen grap\w*|nee serieus|ik meen het|echt serieus)\b)"
    r"|\b(dicht|gesloten|ontruimd) (door|vanwege|wegens) (een )?(bommelding|brand|storm)\b"
    r"|\b(will|gonna|going to|gaat|zal) (kill|vermoorden) me\b.{0,60}\b(haha\w*|lol|grapje|just kidding)\b"
    r"|\bdreig\w* (\w+ ){0,3}(uit te vallen|uitval|thuiszitter|te blijven zitten|vast te lopen|achter te raken"
    r"|te mislukken|te worden|te zakken)\b|\bdreigende (uitval|thuiszitter\w*)\b|\bhet mes snijdt aan twee kanten\b"
    r"|\b(nooit|niet|never|not) (\w+ ){0,2}(geslagen|mishandeld|misbruikt|hit|beaten|abused)\b"
    r"|\bbom (geld|duiten)\b|\bop zoek\b|\bzoek naar\b|\bin elkaar (zetten|gezet|zakken|gezakt)\b"
    r"|\bmisbruik (gemaakt |maken )?(van|maakt van) (de |het |mijn |zijn |haar |onze )?(gegevens|data|foto\w*|positie"
    r"|vertrouwen|macht|bevoegdheid|regeling|situatie|systeem)\b"
    # hyperbole: a killing or hanging followed or preceded by a joke ("haha", a laughing emoji), a
    # child who "kills" a parent over a mail to the mentor, a parent who suspects to be suspected
    r"|\b(vermoord\w*|murder\w*|kill\w*|ophang\w*|schiet\w* (\w+ )?neer|maak\w* (\w+ )?af|afmaak\w*|afmaken)\b[^.]{0,80}"
    r"\b(haha\w*|hihi|lol|grapje|geintje|jk|just kidding|nee serieus)\b"
    r"|\bvermoord (\w+ ){1,3}nog (eens|een keer|ooit)\b|\bvermoord (hem|haar|ze) nog\b(?! (eens|een keer|ooit) )"
    r"|\b(ma|pa|mama|papa|moeder|vader|mam|pap|ouders)\b (vermoordt|vermoorden|maakt|maken) (me|mij)( af)? "
    r"(als|om|want|wanneer|if|when)\b|\b(just )?kill me now\b"
    r"|\b(zoon|dochter|kind|zusje|broertje|son|daughter|kid) (vermoordt|vermoorden|kills|will kill|maakt) (me|mij|ons|us)\b"
    r"( af)? (als|when|if)\b"
    r"|\b(denken|denkt|dacht|vermoeden|verdenken|think|thinks)\b (\w+ ){0,3}(dat|that) (wij|we|ik|i) (\w+ ){1,2}"
    r"(slaan|sla|mishandelen|mishandel|hit|beat|abuse)\b"
    r"|\b(odev\w*|sinav\w*|ders\w*|matematik\w*)\b( \w+){0,2} beni oldur\w*"
    # "de havo afmaken", "haar school graag afmaken": finishing, not killing
    r"|\b(school|opleiding|havo|vwo|vmbo|mbo|hbo|studie|examen\w*|diploma|schooljaar|huiswerk|opdracht\w*|werkstuk"
    r"|toets\w*|stage|cursus|project|traject|jaar|klas|leerjaar|brugklas|bovenbouw|onderbouw)\b( \w+){0,2} "
    r"(afmaken|afmaakt|afmaakte|af te maken|af maken)\b|\bkilling it\b"
    # a toddler who hits or bites, a child who lashes out, a ball that hits
    r"|\b(peuter\w*|kleuter\w*|dreumes|baby|toddler)\b( \w+){0,4} (slaat|sloeg|bijt|beet|schopt|schopte|knijpt|hits|bites|kicks)\b"
    r"|\bom (zich|me|zijn|haar) heen (te )?(sla\w*|schop\w*|slaan)\b|\b(sla\w*|schop\w*) (\w+ ){0,2}om (zich|zijn|haar) heen\b"
    r"|\b(ball|bal)\b( \w+){0,3} (hit|hits|raakte|raakt|kwam tegen)\b"
    r"|\bveilig thuis\b|\b(die|died|dying|dood ?gaan|sterven|ga dood|gaat dood) (of|van) (embarrassment|shame|boredom"
    r"|laughter|schaamte|verveling|het lachen)\b"
    r"|\b(homework|huiswerk) ?help\b|\bhelp ?(service|desk|line)\b"
    r"|\b(gillen|gegil|gillend|schreeuwen|screaming) (van|with|of) (plezier|de pret|pret|het lachen|joy|excitement)\b"
    r"|\bhit (his|her|my|their) head\b|\bsla(at|an)? (\w+ )?de bal\b|\b(kick\w*|hit\w*|threw|throws) the ball\b"
    r"|\bbruise\w*\b.{0,30}\b(in|during|at|from) (pe|gym|football|the match|sport\w*|practice)\b"
    r"|\b(in|during|at) (pe|gym|football|practice)\b.{0,40}\bbruise\w*"
)
# A lesson, a talk, a book or a film about the subject: information, not danger.
ABOUT_A_SUBJECT = re.compile(
    r"\b(preventie\w*|lesmateriaal|lesopdracht|spreekbeurt|werkstuk (\w+ )?over|voor (een |mijn |mn |m n |ons |het )?(werkstuk|pws|profielwerkstuk|spreekbeurt|scriptie)\b(?!.{0,40}\b(nee|grapje|voor mezelf|voor mij)\b)|profielwerkstuk (\w+ ){0,4}(over|naar)\b|docu('?s)?\b|(school)?proje[ck]t (\w+ ){0,3}(over|about|on|o|uber|zum?)\b|presentatie (\w+ ){0,2}over|enge? (film|filmpje|video|serie)\w*|voorlichting|boek (\w+ ){0,2}over|leesverslag|boekverslag|leesdossier|boekbespreking|films?\b(?! (online|rond))|"
    r"(dat|dit|het) boek (gebruiken|lezen|bespreken)\b|(lees|lezen|read|reading) (\w+ ){0,3}(boek|book)\b|(het|dat|dit) onderwerp\b|gastles\w*|(les|lessen|lessenserie|lespakket) over\b"
    r"|(herkennen van )?signalen van\b|(recogni[sz]\w* )?signs of\b|workshops?\b|training (is|for|voor)\b|"
    r"horror\w*|toneelstuk|musical|rol als|serie over|documentaire|gedicht over|paintball|trainingen\b|trainings\b"
    r"|training (over|on|about)\b|cursus\w* over\b|courses? (on|about)\b|workshops? (over|on|about)\b|scholing over\b"
    r"|the news\b|het nieuws\b|het journaal\b)"
)

# A question about the procedure or a case that may happen ("wat moet ik doen als een leerling
# vertelt dat ...", "wat zegt de meldcode"), without anything that happened: the themes answer it.
ABOUT_A_PROCEDURE = re.compile(
    r"\bmeldcode\b|\bafwegingskader\b|\bals (ik|je|u|we|wij) (inschat\w*|vermoed\w*|twijfel\w*) dat\b|\baandachtsfunctionaris\w*|\bin het algemeen\b|\bbij (een )?vermoeden van\b|\bstel dat\b|\bhypothetisch"
    r"|\b(wat|hoe|wanneer)\b (\w+ ){0,4}(als|wanneer) (een|je|iemand|u|er) \b"
)
# A parent who was a victim years ago and asks about custody or information from school, and a
# question about the school's policy on nude pictures going round: no danger now, unless someone
# is threatened or blackmailed.
_PAST_CASE = re.compile(
    r"\b(jaren|years|lang|(\d+|een|twee|drie|vier|vijf|paar) jaar) (geleden|ago)\b|\bvroeger\b|\bin the past\b"
)
_ADMIN_QUESTION = re.compile(
    r"\b(informatie|recht op|gezag|omgang|custody|information|rights|inschrijving|need to know|tell the school|history"
    r"|verleden|geschiedenis|vertellen aan|melden aan|dossier|nieuwe school)\b|\b(moet|moeten) (\w+ ){0,3}(weten|vertellen)\b"
)
# the case goes on: still, again, today or last night
_NOW = r"nog steeds|still|again|vandaag|today|vanavond|tonight|gisteren|yesterday"
_STILL_NOW = re.compile(rf"\b(weer|{_NOW}|bang|scared|afraid)\b")
# A case that is over and dealt with: long enough ago, and now stable, in treatment or stopped
# ("heeft zich vorig jaar gesneden, doet dat al een jaar niet meer"); "again", "today" or "still"
# make it a case now.
_LAST_YEAR = re.compile(
    r"\b(vorig jaar|vorige (maand|zomer|winter)|last (year|month|summer)|lang geleden|een tijd geleden)\b"
)
_RESOLVED = re.compile(
    r"\b(gaat|ging) (het )?((nu|inmiddels|al|weer|echt|veel|heel) )*(goed|beter)\b|\b(is|zijn) ((nu|inmiddels|al|weer|lang) )*"
    r"(stabiel|opgelost|voorbij|afgesloten)\b|\b(onder|in) behandeling\b|\b(doet|doen) (\w+ ){0,4}(niet meer|nooit meer)\b"
    r"|\bwoont (er|daar|thuis|bij ons) niet meer\b|\b(is|are) (doing )?(fine|well|better|stable) now\b"
)
# not "weer" here: "het gaat weer goed" is the case being over
_AGAIN_NOW = re.compile(rf"\b({_NOW}|opnieuw|vannacht|sinds kort)\b")
_SANCTION_QUESTION = re.compile(
    r"\b(geschorst|schorsing|suspended|expelled|verwijderd van school)\b.{0,80}\b(mag (de )?school|mag dat|is dat"
    r" (toegestaan|terecht)|can the school|is that allowed|hoe lang (mag|duurt|kan)|how long)\b"
)
_POLICY_QUESTION = re.compile(
    r"\b(what is|wat is) (the|het) (\w+ )?(policy|beleid|protocol)\b|\bschool policy\b|\bbeleid van (de )?school\b"
)
_PRESSURE = re.compile(COERCION + "|" + THREAT + "|" + FORCING + "|" + PAYMENT)


def no_danger_now(plain: str) -> bool:
    """A past case with a question about custody or information, a past case that is over and dealt
    with, a question whether a school's sanction was allowed, or a policy question without a threat."""
    past = (_PAST_CASE.search(plain) and _ADMIN_QUESTION.search(plain)) or _SANCTION_QUESTION.search(plain)
    past = past and not _STILL_NOW.search(plain)
    resolved = (_PAST_CASE.search(plain) or _LAST_YEAR.search(plain)) and _RESOLVED.search(plain)
    resolved = resolved and not _AGAIN_NOW.search(plain)
    return bool(past or resolved or (_POLICY_QUESTION.search(plain) and not _PRESSURE.search(plain)))


# "ik wil het gewoon weten voor later, er is nu geen casus": no case, whatever "nu" says
NO_CASE = re.compile(
    r"\b((er is|ik heb|we hebben) (nu |nog )?geen (casus|concreet geval|concrete casus|case)|(ik wil|wil ik) (het )?(gewoon )?weten voor later"
    r"|(don t|do not|dont) have a case|no (concrete )?case|in general terms|(er is )?nu geen (acuut |direct )?gevaar)\b"
)
# "hij lag dubbel", "vond het grappig": the one who said it (or heard it) was laughing about it; a
# crisis told with a laugh says "lachte erbij" or "lachte het weg", and that stays a crisis
JOKING = re.compile(
    r"\b(lag|lagen|ligt|liggen) (\w+ )?dubbel\b|\bvond(en)? (het|t) (wel |heel )?grappig\b|\bis (gewoon|nou eenmaal) zijn humor\b"
)
# Laughing or eye-rolling emoji mark a joke; as words, the idioms can see them.
_JOKE_EMOJI = re.compile("[\U0001f602\U0001f923\U0001f605\U0001f606\U0001f61c\U0001f61d\U0001f644\U0001f609]")


def emoji_as_words(text: str) -> str:
    """A laughing emoji becomes "lol", which normalising would otherwise throw away."""
    return _JOKE_EMOJI.sub(" lol ", text)


FIRST_HAND = re.compile(
    r"\b(mijn|mn|m'n|me|mij|ik word|vandaag|gisteren|vanochtend|vanmorgen|vannacht|net|nu|vertelde|zei|zag|hoorde)\b"
)

_PAIRS: Tuple[Tuple[str, Tuple[str, ...], Tuple[str, ...]], ...] = (
    # kind, all of these concepts, none of these
    (SUICIDE, (DEATH_WISH,), ()),
    (SUICIDE, (NO_MEANING,), ()),
    (SUICIDE, (PILLS, PILL_HARM), (MEDICAL_USE,)),
    (SUICIDE, (HANGING,), ()),
    (SUICIDE, (JUMPING,), ()),
    (SUICIDE, (CUTTING, SELF_STRONG), (_stems("koken", "knutselen", "brood", "groente", "vinger", "papier"),)),
    (SUICIDE, (CUTTING, BODY), ()),
    (SUICIDE, (SELF_CUT,), (_stems("koken", "knutselen", "brood", "groente", "vinger", "papier", "handvaardigheid"),)),
    (SUICIDE, (SELF_WOUNDS,), ()),
    (SUICIDE, (HIDDEN_BLADE,), ()),
    (SUICIDE, (BURN_TOOL, OWN_HAND), ()),
    (SUICIDE, (BURN_ACT, SELF_STRONG), ()),
    (SUICIDE, (ARRANGED, FAREWELL), ()),
    (SUICIDE, (DOING_IT_NOW, WEAPON), ()),
    (SUICIDE, (CUTTING, CUT_RELIEF), ()),
    (SUICIDE, (BLEEDING_WRIST,), (FALL_OR_CARE,)),
    (SUICIDE, (GONE_SOON,), (LOST_THING,)),
    (SUICIDE, (LETTER, DESPAIR), (LETTER_TO_AN_OFFICE,)),
    (SUICIDE, (GIVING_AWAY, POSSESSIONS), (ORDINARY_GIVING,)),
    (SUICIDE, (FAREWELL_ALL,), (LEAVING_FOR_A_REASON,)),
    (SUICIDE, (NOBODY_CARES, GIVING_UP), ()),
    (SUICIDE, (ON_THE_EDGE,), (ROOF_WORK,)),
    (SUICIDE, (PAINLESS, METHOD), ()),
    (ABUSE, (VIOLENCE, HOME_PERSON), (PEERS,)),
    (ABUSE, (VIOLENCE, VICTIM), (PEERS,)),
    (ABUSE, (SEXUAL_ACT, INTIMATE), ()),
    (ABUSE, (SEXUAL_ACT, HOME_PERSON), ()),
    (ABUSE, (SEXUAL_ACT, CHILD), ()),
    (ABUSE, (SEXUAL_ACT, SELF), ()),
    (ABUSE, (SEXUAL_TOUCH, INTIMATE), ()),
    (ABUSE, (SEXUAL_TOUCH, ADULT_AT_HOME), (HARASSMENT,)),
    (ABUSE, (SEXUAL_TOUCH, FORCING), ()),
    (ABUSE, (SEXUAL_TOUCH_SPLIT, ADULT_AT_HOME), (PEERS,)),
    (ABUSE, (SEXUAL_TOUCH_SPLIT, INTIMATE), ()),
    (ABUSE, (IMAGES, COERCION), ()),
    (ABUSE, (IMAGES, PAYMENT, THREAT_CONDITION), ()),
    (ABUSE, (IMAGES, PUBLISH_THREAT), ()),
    (ABUSE, (NIGHT_VISIT, ADULT_AT_HOME), ()),
    (ABUSE, (CARER_IMPAIRED, UNCARED), ()),
    (ABUSE, (OWNED, KEPT), ()),
    (ABUSE, (COLD_PUNISHMENT, MADE_TO), ()),
    (ABUSE, (HEARD_VIOLENCE, HOME_PERSON), ()),
    (ABUSE, (ASKS_FOR_PICTURES, ADULT_AT_HOME), (PICTURES_FOR_SCHOOL,)),
    (ABUSE, (NIGHT_COMES, NIGHT, ADULT_AT_HOME), ()),
    (ABUSE, (HURTS, HOME_PERSON), (PEERS,)),
    (ABUSE, (PREGNANT_BY_ADULT,), ()),
    (ABUSE, (STAY_ABROAD, ABROAD, UNWILLING), ()),
    (ABUSE, (SMALL_CHILD, OUTSIDE, LATE), (ALONE_ALLOWED,)),
    (ABUSE, (TELLING_THREAT,), ()),
    (ABUSE, (SECRECY, ADULT_AT_HOME, ADULT_CONTACT), (SURPRISE,)),
    (ABUSE, (ONLINE_ADULT, MEETING), ()),
    (ABUSE, (FLATTERY, MEETING), ()),
    (ABUSE, (COERCED_ACTS, ADULT_AT_HOME), ()),
    (ABUSE, (COERCED_ACTS, THREAT_CONDITION), ()),
    (ABUSE, (MEN_GROUP, PAID_CONTACT, MINOR), (TEAM_OR_FAMILY,)),
    (ABUSE, (UNTREATED,), (FALL_OR_CARE,)),
    (ABUSE, (BRIDE,), ()),
    (ABUSE, (IMAGES, FORCING), (_stems("school", "toestemming", "schoolfoto*", "verplicht*"),)),
    (ABUSE, (IMAGES, INTIMATE), ()),
    (ABUSE, (FOOD_DENIED, NEGLECT_CONTEXT), (NOT_ABOUT_FOOD,)),
    (ABUSE, (CONFINED, VICTIM), (_stems("mag", "time out", "time-out", "school", "voelt", "voel"),)),
    (ABUSE, (CONFINED, CHILD), (_stems("mag", "time out", "time-out", "school", "voelt", "voel"),)),
    (ABUSE, (FORCED_MARRIAGE,), ()),
    (ABUSE, (PASSPORT_TAKEN,), ()),
    (ABUSE, (BURN_TOOL, BURN_ACT), ()),
    (ABUSE, (SEXUAL_TOUCH, SEX_IMITATION), ()),
    (ABUSE, (SHED_SLEEP, MADE_TO), (CAMPING,)),
    (ABUSE, (SMALL_CHILD, ALONE, ALONE_TOO_LONG), (ALONE_ALLOWED,)),
    (ABUSE, (EXPLOITATION,), ()),
    (ABUSE, (FEAR_OF_HOME,), ()),
    (ABUSE, (NOT_SAFE_MYSELF, HOME_PERSON), ()),
    (ABUSE, (INJURY, HOME_PERSON), ()),
    (ABUSE, (INJURY, INTIMATE), ()),
    (ABUSE, (FRACTURE, STORY_CHANGES), ()),
    (ABUSE, (HEARD_VIOLENCE, CHILD), ()),
    (ABUSE, (INJURY, STORY_CHANGES), ()),
    (DANGER, (COERCION, CRIMINAL), ()),
    (ABUSE, (OLDER_PARTNER, LURES), ()),
    (DANGER, (WEAPON,), (WEAPON_HARMLESS,)),
    (DANGER, (KILLING,), (SELF_STRONG, ADMIN, GAMES)),
    (DANGER, (LIFE_THREAT,), ()),
    (DANGER, (HOMELESS, CHILD), ()),
    (DANGER, (HONOUR, HONOUR_THREAT), ()),
    (DANGER, (PROTECTIVE_ORDER, ORDER_AT_STAKE), (_stems("mag", "mogen", "wanneer", "hoe"),)),
    (DANGER, (KNOWS_ADDRESS, THREAT_CONDITION), ()),
    (DANGER, (SMALL_CHILD, HIGH_PLACE), (ALONE_ALLOWED,)),
    (DANGER, (STRANGER, IN_VEHICLE, DISTRESS_WORDS), ()),
    (DANGER, (MEDICAL,), ()),
    (DANGER, (LEFT_ALONE, CHILD), ()),
    (DANGER, (SMALL_CHILD, ALONE, ROAD), (ALONE_ALLOWED,)),
    (DANGER, (LURING, STRANGER), (_stems("open dag", "juf", "excursie"),)),
    (DANGER, (THREAT, VICTIM), (SANCTION,)),
    (DANGER, (STALKING,), ()),
    (DANGER, (FOLLOWED, AFRAID), ()),
)
# Combinations whose parts a story tells in different sentences ("... since yesterday. His mum
# dropped him off and isn't answering."): looked for in the whole message.
_MESSAGE_PAIRS: Tuple[Tuple[str, Tuple[str, ...], Tuple[str, ...]], ...] = (
    (ABUSE, (CARER_GONE, ALONE_TOO_LONG), (ORDINARY_ABSENCE,)),
    (ABUSE, (LEFT_ABROAD, ABROAD), (CARE_ARRANGED,)),
    (DANGER, (NOT_BROUGHT_BACK, ABROAD), ()),
    (DANGER, (SHELTER_TONIGHT, HOME_UNSAFE), ()),
)
_RULES: Tuple[Tuple[str, Tuple[Pattern, ...], Tuple[Pattern, ...]], ...] = tuple(
    (kind, tuple(re.compile(p) for p in need), tuple(re.compile(p) for p in unless)) for kind, need, unless in _PAIRS
)
_MESSAGE_RULES = tuple(
    (kind, tuple(re.compile(p) for p in need), tuple(re.compile(p) for p in unless))
    for kind, need, unless in _MESSAGE_PAIRS
)
_MISSING = re.compile(MISSING)
_CLAUSE_END = re.compile(r",| en | and | maar | but ")
_CHILD = re.compile(CHILD)
_NOT_A_PERSON = re.compile(NOT_A_PERSON_MISSING)
_FOUND = re.compile(FOUND_AGAIN)
_DISTRESS = re.compile(DISTRESS)
# Concepts that name no danger without their partner ("foto", "dreigt", "drugs", "oudere man").
_NEEDS_PARTNER = {
    NOT_SAFE_MYSELF,
    IMAGES,
    PILLS,
    SEXUAL_TOUCH,
    SEXUAL_TOUCH_SPLIT,
    COERCION,
    FORCING,
    CRIMINAL,
    OLDER_PARTNER,
    FRACTURE,
    LEFT_ALONE,
    HEARD_VIOLENCE,
    BURN_TOOL,
    BURN_ACT,
    DOING_IT_NOW,
    SHED_SLEEP,
    SMALL_CHILD,
    LURING,
    ARRANGED,
    LETTER,
    GIVING_AWAY,
    PAINLESS,
    MEN_GROUP,
    CARER_GONE,
    HONOUR,
    PROTECTIVE_ORDER,
    KNOWS_ADDRESS,
    SECRECY,
    ONLINE_ADULT,
    COERCED_ACTS,
    NIGHT_VISIT,
    NIGHT_COMES,
    CARER_IMPAIRED,
    NOBODY_CARES,
    OWNED,
    COLD_PUNISHMENT,
    ASKS_FOR_PICTURES,
    HOMELESS,
    STAY_ABROAD,
    FLATTERY,
    LEFT_ABROAD,
    BRIDE,
    STRANGER,
}
_HALF_RULES = tuple(
    (need[0], unless) for (_, names, _), (_, need, unless) in zip(_PAIRS, _RULES) if names[0] not in _NEEDS_PARTNER
)
# Concepts that need a partner for a crisis answer but name a harm by themselves ("hij komt 's
# nachts op mijn kamer", "niemand geeft om mij"): enough for the safety line under an ordinary
# answer (``sign_kind``). Not the ones that are ordinary alone: a photo, pills, a stranger, a letter.
_HARM_BY_ITSELF = {
    SEXUAL_TOUCH,
    HEARD_VIOLENCE,
    SHED_SLEEP,
    NOBODY_CARES,
    COLD_PUNISHMENT,
    NIGHT_VISIT,
    NIGHT_COMES,
    COERCED_ACTS,
    ASKS_FOR_PICTURES,
    OWNED,
}
_SIGN_RULES = tuple(
    (kind, need[0], unless)
    for (_, names, _), (kind, need, unless) in zip(_PAIRS, _RULES)
    if names[0] not in _NEEDS_PARTNER or names[0] in _HARM_BY_ITSELF
)
# Not safe at home, or no future, in so many words: no crisis alone, but worth the line.
UNSAFE_AT_HOME = (
    NOT_SAFE_AT_HOME
    + r"|\bbang (voor|om) (thuis|naar huis)\b|\b(not|don't|don t|dont|do not) (feel )?safe (at home|with (him|her|my \w+))\b"
)
NO_FUTURE = (
    r"\bgeen toekomst (meer )?(voor (mij|me|mezelf)|zie)\b|\bzie (\w+ )?geen toekomst\b"
    r"|\b(don't|don t|dont|do not|can't|can t|cannot) see (a|any) future\b|\bno future for me\b"
)
# Distress that earns the line: not "help" or "paniek", which a question about homework help or
# fear of school also says (they still let the classifier's crisis count, ``mentions_danger``).
_SIGN_DISTRESS = re.compile(
    _stems("gevaar", "geweld", "doodsbang", "nood", "noodgeval", "onveilig", "uit de hand", "escaleert", "danger")
    + "|"
    + _stems("unsafe")
    + r"|\bgaat (\w+ ){0,3}mis\b|"
    + UNSAFE_AT_HOME
    + "|"
    + NO_FUTURE
)


def sentences(normalised_parts: Iterable[str]) -> List[str]:
    """The parts of a message in which concepts must meet, idioms removed."""
    return [IDIOMS.sub(" ", part) for part in normalised_parts if part.strip()]


def _missing_child(sentence: str) -> bool:
    """A child named shortly before "zoek", "vermist", ...; not a phone or a school subject."""
    for found in _MISSING.finditer(sentence):
        before = sentence[max(0, found.start() - 60) : found.start()]
        after = _CLAUSE_END.split(sentence[found.end() : found.end() + 45])[0]  # its own clause
        if (
            _CHILD.search(before)
            and not _NOT_A_PERSON.search(before[-25:] + " " + after)
            and not _FOUND.search(sentence)
        ):
            return True
    return False


def _matching_kind(rules, text: str) -> Optional[str]:
    for kind, need, unless in rules:
        if all(p.search(text) for p in need) and not any(p.search(text) for p in unless):
            return kind
    return None


def concept_kind(parts: Iterable[str]) -> Optional[str]:
    """suicide, abuse or danger when one sentence (or, for a few combinations, the whole message)
    holds a combination of concepts that means danger."""
    found = sentences(parts)
    if any(ABOUT_A_SUBJECT.search(s) for s in found):
        return None
    for sentence in found:
        kind = _matching_kind(_RULES, sentence)
        if kind is not None:
            return kind
        if _missing_child(sentence):
            return DANGER
    return _matching_kind(_MESSAGE_RULES, " ".join(found))


GENERAL = "general"


def sign_kind(parts: Iterable[str]) -> Optional[str]:
    """The kind of the first harm named without the rest a crisis needs, for the safety line
    under an ordinary answer: one concept of a combination that names a harm by itself ("slaat",
    "mes", "wil niet meer leven", "komt 's nachts op mijn kamer"; not cancelled by its own words)
    gives that combination's kind, a missing child ``danger``, plain distress ("onveilig")
    ``general``."""
    for sentence in sentences(parts):
        for kind, first, unless in _SIGN_RULES:
            if first.search(sentence) and not any(p.search(sentence) for p in unless):
                return kind
        if _missing_child(sentence):
            return DANGER
        if _SIGN_DISTRESS.search(sentence):
            return GENERAL
    return None


def cancelled_danger(parts: Iterable[str]) -> bool:
    """Whether a concept of danger is named with the words that make it harmless ("dreigt met
    nablijven", "een snee in haar vinger van handvaardigheid"): the classifier, which sees only
    the danger word, does not count then."""
    return any(
        unless and need[0].search(sentence) and any(p.search(sentence) for p in unless)
        for sentence in sentences(parts)
        for _, need, unless in _RULES
    )


def mentions_danger(parts: Iterable[str]) -> bool:
    """Some danger named, what the classifier's ``crisis`` needs before it counts: half of a
    combination (its first concept, not cancelled by its own words: "messen" but not a butcher's,
    "dreigt" but not with detention), a missing child, or plain distress ("help", "onveilig")."""
    found = sentences(parts)
    return any(
        _DISTRESS.search(sentence)
        or _missing_child(sentence)
        or any(first.search(sentence) and not any(p.search(sentence) for p in unless) for first, unless in _HALF_RULES)
        for sentence in found
    )
