#!/usr/bin/env python3
"""Writes an AF assignment file (CSV, semicolon-separated, AF's Swedish headers) of N rows with valid,
made-up personnummer and unique genomförandereferenser, for the import benchmark.

The numbers use birth numbers 500-999, which `lots generate` never uses (it counts from 1), so the rows are
new people, not extensions of generated ones.

usage: af_file.py N > af.csv
"""
import datetime
import sys

count = int(sys.argv[1])
headers = ["Genomförandereferens", "Ordernummer", "Personnummer", "Förnamn", "Efternamn", "Telefon", "Adress", "E-post", "Kön",
           "Referensnummer", "Startdatum", "Slutdatum", "Nivå", "Språkstöd", "Deltagandegrad", "Utbildning", "Arbetslivserfarenhet",
           "Handläggare"]
given = ["Amal", "Anna", "Ahmed", "Erik", "Fatima", "Johan", "Lina", "Sara", "Oskar", "Hodan", "Nils", "Elin", "Yusuf", "Maja"]
family = ["Andersson", "Hassan", "Karlsson", "Nilsson", "Ali", "Eriksson", "Larsson", "Mohamed", "Svensson", "Osman"]


def personnummer(birth: datetime.date, serial: int) -> str:
    digits = birth.strftime("%y%m%d") + f"{serial:03d}"
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return birth.strftime("%Y%m%d") + f"-{serial:03d}{(10 - total % 10) % 10}"


out = sys.stdout
out.write("\ufeff" + ";".join(headers) + "\r\n")
start = datetime.date(1960, 1, 1)
for i in range(count):
    birth = start + datetime.timedelta(days=i % 16000)
    serial = 500 + (i // 16000) % 500
    g, f = given[i % len(given)], family[(i // 7) % len(family)]
    begins = datetime.date(2026, 11, 1) + datetime.timedelta(days=i % 60)
    row = [f"AF-IMP-{i:08d}", f"ORD-{i // 50:06d}", personnummer(birth, serial), g, f, f"070-{i % 10000000:07d}",
           f"Importvägen {i % 200 + 1}, 100 00 Exempelstad", f"{g.lower()}.{i}@deltagare.example", "Kvinna" if i % 2 else "Man",
           f"R-{i:08d}", begins.isoformat(), (begins + datetime.timedelta(days=180)).isoformat(), "ABC"[i % 3],
           "Arabiska" if i % 4 == 0 else "", str([25, 50, 75, 100][i % 4]), "Gymnasieutbildning", "Lagerarbete, 2 år",
           f"Handläggare {i % 300}, Arbetsförmedlingen"]
    out.write(";".join(row) + "\r\n")
