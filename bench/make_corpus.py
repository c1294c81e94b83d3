#!/usr/bin/env python3
"""Reproducible synthetic news corpus for benchmarking dragoman.

    python3 bench/make_corpus.py --mb 10 --seed 1 > corpus.jsonl

Writes JSONL records {"id", "date", "text"} (UTF-8) until the output reaches
the requested size (1 MB = 1,000,000 bytes; the last record may go past it).
Documents are assembled from the news-style sentence templates below, with
slots filled from the small lists below: 3-15 sentences per document, grouped
into paragraphs separated by newlines, dates spread over 2000-2026.

The same --seed always gives the same bytes: all randomness comes from one
random.Random(seed), and nothing is read from outside this script.
Standard library only.
"""

import argparse
import datetime
import json
import random
import sys

# (country, capital, adjective)
COUNTRIES = [
    ("Afghanistan", "Kabul", "Afghan"),
    ("Algeria", "Algiers", "Algerian"),
    ("Argentina", "Buenos Aires", "Argentine"),
    ("Brazil", "Brasilia", "Brazilian"),
    ("Burkina Faso", "Ouagadougou", "Burkinabe"),
    ("Chad", "N'Djamena", "Chadian"),
    ("China", "Beijing", "Chinese"),
    ("Colombia", "Bogota", "Colombian"),
    ("Egypt", "Cairo", "Egyptian"),
    ("Ethiopia", "Addis Ababa", "Ethiopian"),
    ("France", "Paris", "French"),
    ("Germany", "Berlin", "German"),
    ("India", "New Delhi", "Indian"),
    ("Indonesia", "Jakarta", "Indonesian"),
    ("Iran", "Tehran", "Iranian"),
    ("Iraq", "Baghdad", "Iraqi"),
    ("Israel", "Jerusalem", "Israeli"),
    ("Japan", "Tokyo", "Japanese"),
    ("Jordan", "Amman", "Jordanian"),
    ("Kenya", "Nairobi", "Kenyan"),
    ("Lebanon", "Beirut", "Lebanese"),
    ("Libya", "Tripoli", "Libyan"),
    ("Mali", "Bamako", "Malian"),
    ("Mexico", "Mexico City", "Mexican"),
    ("Myanmar", "Naypyidaw", "Myanmar"),
    ("Niger", "Niamey", "Nigerien"),
    ("Nigeria", "Abuja", "Nigerian"),
    ("North Korea", "Pyongyang", "North Korean"),
    ("Pakistan", "Islamabad", "Pakistani"),
    ("Peru", "Lima", "Peruvian"),
    ("Philippines", "Manila", "Philippine"),
    ("Qatar", "Doha", "Qatari"),
    ("Russia", "Moscow", "Russian"),
    ("Saudi Arabia", "Riyadh", "Saudi"),
    ("Somalia", "Mogadishu", "Somali"),
    ("South Africa", "Pretoria", "South African"),
    ("South Korea", "Seoul", "South Korean"),
    ("South Sudan", "Juba", "South Sudanese"),
    ("Sudan", "Khartoum", "Sudanese"),
    ("Syria", "Damascus", "Syrian"),
    ("Thailand", "Bangkok", "Thai"),
    ("Turkey", "Ankara", "Turkish"),
    ("Ukraine", "Kyiv", "Ukrainian"),
    ("United Kingdom", "London", "British"),
    ("United States", "Washington", "American"),
    ("Venezuela", "Caracas", "Venezuelan"),
    ("Yemen", "Sanaa", "Yemeni"),
]

# Generic agents, plural.
AGENTS = [
    "police", "rebels", "soldiers", "protesters", "militants", "troops",
    "gunmen", "security forces", "demonstrators", "insurgents", "riot police",
    "border guards", "opposition supporters", "students", "striking workers",
    "militiamen", "government forces", "separatists",
]

OFFICIALS = [
    "foreign minister", "president", "prime minister", "defence minister",
    "interior minister", "army chief", "opposition leader", "government spokesman",
    "justice minister", "police chief", "finance minister", "senior diplomat",
]

ORGS = [
    "the United Nations", "the European Union", "the African Union",
    "the Red Cross", "NATO", "the World Food Programme", "the Arab League",
]

# Invented names (given names are ordinary, surnames are made up).
GIVEN = [
    "Amara", "Daniel", "Leila", "Omar", "Sofia", "Viktor", "Nadia", "Samuel",
    "Irina", "Yusuf", "Marta", "Kofi", "Elena", "Tariq", "Grace", "Pavel",
    "Fatima", "Lucas", "Hana", "Ibrahim",
]
SURNAMES = [
    "Velsko", "Qarandi", "Mbeteru", "Castellan", "Orvath", "Nasrulli",
    "Tembara", "Krovic", "Idrassa", "Halvorne", "Benzaki", "Ostrany",
    "Mwangesi", "Taloufi", "Dravinsky", "Okonwe", "Serrabal", "Yamaru",
]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve", "dozens of"]

# Slots: {c} {c2} countries (distinct), {cap} {cap2} their capitals, {adj}
# {adj2} their adjectives, {ag} {ag2} agents, {off} {off2} officials, {org},
# {p} {p2} persons, {n} {n2} numbers, {nw} a number word, {big} a large number,
# {day} weekday, {month}, {dom} day of month.
TEMPLATES = [
    # Meetings and visits
    "{c} and {c2} met in {cap} on {day} to discuss border security.",
    "The {off} of {c}, {p}, met {adj2} {off2} {p2} in {cap2} on {day}.",
    "{p}, the {adj} {off}, arrived in {cap2} on {day} for talks with {c2}'s leaders.",
    "Delegations from {c} and {c2} held talks in {cap} for a second day.",
    "{c} hosted a summit of regional leaders in {cap} on {day}.",
    "The {adj} {off} visited {cap2} on {day}, the first such visit in {nw} years.",
    # Negotiations and agreements
    "{c} and {c2} agreed to resume negotiations on a ceasefire next {month}.",
    "Negotiators from {c} and {c2} signed a trade agreement in {cap} on {day}.",
    "{c} offered to mediate between {c2} and the rebels, officials said.",
    "{c} rejected a peace proposal put forward by {c2} on {day}.",
    "The two sides agreed to exchange {n} prisoners under a deal brokered by {org}.",
    "{c} called for an immediate ceasefire in the fighting with {c2}.",
    "{c} and {c2} signed a memorandum on energy cooperation on {month} {dom}.",
    # Threats and accusations
    "{c} threatened to impose sanctions on {c2} if the attacks continued.",
    "{adj} {off} {p} warned {c2} against any incursion into its territory.",
    "{c} accused {c2} of supporting armed groups along the border.",
    "{p} accused the government of {c} of rigging the election.",
    "{c} condemned the arrest of its citizens in {cap2}.",
    "{c} threatened military action against {c2} on {day}.",
    "{c2} denied accusations by {c} that it had shelled civilian areas.",
    "{c} expelled {n} {adj2} diplomats and recalled its ambassador from {cap2}.",
    "{c} demanded that {c2} withdraw its troops from the disputed region.",
    # Attacks with casualty counts
    "{ag} attacked a police station in {cap}, killing {n} people and wounding {n2}.",
    "At least {n} people were killed when {ag} opened fire on a market in {cap} on {day}.",
    "A suicide bomber killed {n} soldiers at a checkpoint north of {cap}.",
    "{adj} troops shelled rebel positions near the border with {c2}, killing {nw} fighters.",
    "{ag} ambushed an army convoy in {c}, killing {n} soldiers, the military said.",
    "Air strikes by {c} killed {n} people in {c2} on {day}, local officials said.",
    "{n} civilians were wounded in clashes between {ag} and {ag2} in {cap}.",
    "{ag} attacked a village in {c} on {day}, leaving {n} dead and {n2} injured.",
    "A car bomb exploded outside a ministry in {cap}, killing {n} and injuring {n2}.",
    "{c} said its forces had shot down {nw} drones launched from {c2}.",
    # Arrests and releases
    "Police arrested {n} protesters in {cap} on {day}.",
    "{adj} police detained {p} on charges of inciting violence.",
    "Security forces in {c} arrested {n} suspected militants in a raid near {cap}.",
    "Police in {cap} arrested opposition leader {p} at his home on {day}.",
    "{c} released {n} prisoners as part of an amnesty announced in {month}.",
    "{c} freed {nw} {adj2} fishermen detained last {month}.",
    "Rebels released {n} hostages seized in an attack on a bus in {c}.",
    "A court in {cap} sentenced {p} to {nw} years in prison.",
    # Protests
    "Thousands of protesters marched through {cap} on {day} to demand the resignation of the {off}.",
    "{ag} clashed with {ag2} outside parliament in {cap}.",
    "Protesters in {cap} burned tyres and blocked roads for a third day.",
    "About {big} people demonstrated in {cap} against the rising price of fuel.",
    "Riot police fired tear gas to disperse {n} demonstrators in {cap}.",
    "Workers in {c} went on strike on {day} over unpaid wages.",
    # Aid and cooperation
    "{c} pledged {n} million dollars in humanitarian aid to {c2}.",
    "{org} delivered food and medicine to {big} displaced people in {c}.",
    "{c} sent {n} tonnes of wheat to {c2} after the floods.",
    "{c} agreed to provide military training to {c2}'s army.",
    "{org} appealed for {n} million dollars to help refugees fleeing {c}.",
    # Quotations
    "\"We will not accept any interference in our internal affairs,\" the {off} said.",
    "\"The talks were constructive,\" said {p}, the {adj} {off}.",
    "{p} said {c} was ready to negotiate \"without preconditions\".",
    "\u201cOur patience has limits,\u201d {p} told reporters in {cap}.",
    "\u201cThe attack was a crime against civilians,\u201d said {p}, a spokesman for {org}.",
    "\"We demand the immediate release of all detainees,\" {p} said on {day}.",
    "{adj} officials said the situation in {cap} was \"under control\".",
    "\u201cWe call on {c2} to respect the agreement,\u201d the {adj} {off} said in a statement.",
    "\"There is no military solution,\" said {p}, who leads the {adj} delegation.",
    "A spokesman for {org} said aid convoys had been blocked for {nw} weeks.",
]


def person(rng):
    return rng.choice(GIVEN) + " " + rng.choice(SURNAMES)


def fill(template, rng):
    i, j = rng.sample(range(len(COUNTRIES)), 2)
    c1, c2 = COUNTRIES[i], COUNTRIES[j]
    a1, a2 = rng.sample(AGENTS, 2)
    o1, o2 = rng.sample(OFFICIALS, 2)
    p1 = person(rng)
    p2 = person(rng)
    while p2 == p1:
        p2 = person(rng)
    slots = {
        "c": c1[0], "cap": c1[1], "adj": c1[2],
        "c2": c2[0], "cap2": c2[1], "adj2": c2[2],
        "ag": a1, "ag2": a2, "off": o1, "off2": o2,
        "org": rng.choice(ORGS), "p": p1, "p2": p2,
        "n": str(rng.randint(2, 300)), "n2": str(rng.randint(2, 120)),
        "nw": rng.choice(NUMBER_WORDS),
        "big": "{:,}".format(rng.randint(1, 200) * 1000),
        "day": rng.choice(WEEKDAYS), "month": rng.choice(MONTHS),
        "dom": str(rng.randint(1, 28)),
    }
    s = template.format(**slots)
    return s[0].upper() + s[1:]


DATE_START = datetime.date(2000, 1, 1)
DATE_DAYS = (datetime.date(2026, 12, 31) - DATE_START).days + 1


def document(rng, index, seed):
    date = DATE_START + datetime.timedelta(days=rng.randrange(DATE_DAYS))
    n = rng.randint(3, 15)
    sentences = [fill(rng.choice(TEMPLATES), rng) for _ in range(n)]
    paragraphs = []
    k = 0
    while k < n:
        size = rng.randint(1, 4)
        paragraphs.append(" ".join(sentences[k:k + size]))
        k += size
    if rng.random() < 0.5:  # dateline
        cap = rng.choice(COUNTRIES)[1].upper()
        paragraphs[0] = "{}, {} {} - {}".format(
            cap, MONTHS[date.month - 1], date.day, paragraphs[0])
    return {
        "id": "gen-{}-{:07d}".format(seed, index),
        "date": date.isoformat(),
        "text": "\n".join(paragraphs),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=10.0,
                    help="output size in MB (1 MB = 1,000,000 bytes)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    target = int(args.mb * 1000000)
    rng = random.Random(args.seed)
    out = sys.stdout.buffer
    written = 0
    index = 0
    while written < target:
        line = json.dumps(document(rng, index, args.seed), ensure_ascii=False) + "\n"
        data = line.encode("utf-8")
        out.write(data)
        written += len(data)
        index += 1
    out.flush()


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        sys.exit(0)
