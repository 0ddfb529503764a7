#!/usr/bin/env python3
"""Regenerates the QR code reference fixtures from segno, an independent encoder.

The Swift tests never run Python: they only read the JSON files written here.
Run this after changing the case list below (or to move to a newer segno):

    pip install segno==1.6.6
    python3 make_fixtures.py          # writes next to this script

Each ``<case>.json`` holds the text, the error level, the mode and the minimal
version segno chose for it (``boost_error=False``), segno's automatic mask, its
penalty scores (N1, N2, N3, N4) for all eight masks, and the module matrix
(rows top to bottom, ``1`` = dark) for the automatic mask and for one forced
mask. ``tables.json`` copies segno's ISO/IEC 18004 tables (block structure,
alignment pattern centres, format and version information).

One deliberate deviation from stock segno 1.6.6: it appends eight zero bits
when the bit stream already ends on a codeword boundary, which pushes a 0x00
codeword in front of the 0xEC/0x11 pad codewords (every byte-mode symbol hits
this). ISO/IEC 18004:2015 7.4.10 only pads to the boundary, so the script
patches that one function; see https://github.com/heuer/segno/issues/148.
"""

import json
import pathlib
import random
import re

import segno
from segno import consts, encoder

SEGNO_VERSION = "1.6.6"
HERE = pathlib.Path(__file__).resolve().parent
ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
BANKID = ("bankid.67df3917-fa0d-44e5-b327-edcc928297f8.0."
          "dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8")
LEVELS = {"L": consts.ERROR_LEVEL_L, "M": consts.ERROR_LEVEL_M,
          "Q": consts.ERROR_LEVEL_Q, "H": consts.ERROR_LEVEL_H}


def write_padding_bits(buff, version, length):
    buff.extend([0] * (-length % 8))


encoder.write_padding_bits = write_padding_bits

_captured = {}
_find_and_apply_best_mask = encoder.find_and_apply_best_mask


def _scoring_find_and_apply_best_mask(matrix, width, height, proposed_mask=None):
    """Records segno's penalty scores for every mask before it picks one."""
    scores = []
    for mask in range(8):
        copy = tuple(bytearray(row) for row in matrix)
        _find_and_apply_best_mask(copy, width, height, mask)
        scores.append(list(encoder.mask_scores(copy, width, height)))
    _captured["scores"] = scores
    return _find_and_apply_best_mask(matrix, width, height, proposed_mask)


encoder.find_and_apply_best_mask = _scoring_find_and_apply_best_mask


def mode_for(text):
    """The single mode the Swift encoder picks: the most specific one that can hold every character."""
    if text.isascii() and text.isdigit():
        return "numeric"
    if all(c in ALPHANUMERIC for c in text):
        return "alphanumeric"
    return "byte"


def make(text, error, mask=None, version=None):
    return segno.make(text, error=error, mode=mode_for(text), mask=mask, version=version,
                      encoding="utf-8", eci=False, micro=False, boost_error=False)


def fill(version, error, alphabet, seed, longest=True):
    """A text that needs exactly `version`: the longest (or shortest) such length."""
    rng = random.Random(seed)
    pool = "".join(rng.choice(alphabet) for _ in range(8000))
    low, high = 1, 7089
    while low < high:  # smallest length that needs more than `version` (or at least it)
        mid = (low + high) // 2
        try:
            needed = make(pool[:mid], error, mask=0).version
        except segno.DataOverflowError:
            needed = 41
        if (needed > version) if longest else (needed >= version):
            high = mid
        else:
            low = mid + 1
    text = pool[:low - 1] if longest else pool[:low]
    assert make(text, error, mask=0).version == version, (version, error, len(text))
    return text


def dump(path, data):
    """JSON with one matrix row per line and short number lists kept on one line."""
    text = json.dumps(data, indent=1, ensure_ascii=False)
    text = re.sub(r"\[\s+([-\d,\s]+?)\s+\]",
                  lambda m: "[" + ", ".join(m.group(1).replace(",", " ").split()) + "]", text)
    path.write_text(text + "\n", encoding="utf-8")


def rows(code):
    return ["".join("1" if module else "0" for module in row) for row in code.matrix]


def case(name, text, error, forced_mask):
    auto = make(text, error)
    scores = _captured["scores"]
    assert min(range(8), key=lambda m: sum(scores[m])) == auto.mask
    forced = make(text, error, mask=forced_mask, version=auto.version)
    assert (forced.version, forced.mode) == (auto.version, mode_for(text))
    matrices = {str(auto.mask): rows(auto), str(forced_mask): rows(forced)}
    fixture = {
        "generator": f"make_fixtures.py, segno {segno.__version__}",
        "text": text, "error": error, "mode": auto.mode, "version": auto.version,
        "autoMask": auto.mask, "penalties": scores, "matrices": matrices,
    }
    dump(HERE / f"{name}.json", fixture)
    print(f"{name}: {len(text)} chars, {error}, {auto.mode}, version {auto.version}, "
          f"auto mask {auto.mask}, forced mask {forced_mask}")


def tables():
    ecc = {str(v): {name: [list(block) for block in consts.ECC[v][level]]
                    for name, level in LEVELS.items()} for v in range(1, 41)}
    alignment = {"1": []}
    alignment.update({str(v): list(consts.ALIGNMENT_POS[v - 2]) for v in range(2, 41)})
    fmt = {name: [encoder.calc_format_info(1, level, mask) for mask in range(8)]
           for name, level in LEVELS.items()}
    version_info = {str(v): consts.VERSION_INFO[v - 7] for v in range(7, 41)}
    data = {"generator": f"make_fixtures.py, segno {segno.__version__}",
            "blocks (count, total codewords, data codewords)": ecc,
            "alignment": alignment, "format": fmt, "versionInfo": version_info}
    dump(HERE / "tables.json", data)


def main():
    if segno.__version__ != SEGNO_VERSION:
        print(f"warning: fixtures were made with segno {SEGNO_VERSION}, this is {segno.__version__}")
    byte_chars = ALPHANUMERIC + "abcdefghijklmnopqrstuvwxyz!?#&=_~@åäöÅÄÖ"
    cases = [
        ("numeric-iso-example", "01234567", "M"),
        ("numeric-v2-longest", fill(2, "L", "0123456789", 1), "L"),
        ("numeric-v27-shortest", fill(27, "Q", "0123456789", 2, longest=False), "Q"),
        ("alphanumeric-hello", "HELLO WORLD", "Q"),
        ("alphanumeric-v10-shortest", fill(10, "H", ALPHANUMERIC, 3, longest=False), "H"),
        ("byte-utf8", "åäö", "H"),
        ("byte-utf8-mixed", "Räksmörgås – Åre – 東京 🙂", "Q"),
        ("bankid-low", BANKID, "L"),
        ("bankid-medium", BANKID, "M"),
        ("bankid-quartile", BANKID, "Q"),
        ("bankid-high", BANKID, "H"),
        ("byte-v1", "Lots", "L"),
        ("byte-v2-longest", fill(2, "M", byte_chars, 4), "M"),
        ("byte-v7-longest", fill(7, "Q", byte_chars, 5), "Q"),
        ("byte-v10-shortest", fill(10, "H", byte_chars, 6, longest=False), "H"),
        ("byte-v27-longest", fill(27, "M", byte_chars, 7), "M"),
        ("byte-v40-longest", fill(40, "L", byte_chars, 8), "L"),
    ]
    for index, (name, text, error) in enumerate(cases):
        case(name, text, error, forced_mask=index % 8)
    tables()


if __name__ == "__main__":
    main()
