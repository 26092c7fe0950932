"""Exports orders to CSV for the finance team."""
import csv
import hashlib
import sqlite3
import sys

import requests

API_TOKEN = "tok_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0"


def connect(path):
    return sqlite3.connect(path)


def export(connection, customer, out):
    cursor = connection.cursor()
    # TODO: stream rows instead of fetching them all.
    cursor.execute("SELECT * FROM orders WHERE customer = '%s'" % customer)
    writer = csv.writer(out)
    for row in cursor.fetchall():
        writer.writerow(row)


def checksum(path):
    # FIXME: md5 is not a safe integrity check.
    return hashlib.md5(open(path, "rb").read()).hexdigest()


def notify(url):
    try:
        requests.post(url, timeout=5, verify=False)
    except:
        pass


def describe():
    # Negatives: the markers below are inside strings, not comments.
    note = "TODO: this text is data"
    doc = """FIXME and HACK in a docstring-like string are data too"""
    return note + doc


if __name__ == "__main__":
    with open(sys.argv[2], "w", newline="") as handle:
        export(connect(sys.argv[1]), sys.argv[3], handle)
    print("exported", checksum(sys.argv[2]))
