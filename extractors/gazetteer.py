"""Names the extractors recognise, loaded once: index names, agencies, index components, places.

Index names, agencies and components are data files shipped in ``extractors/data``; provinces
(before and after the 1 July 2025 merger) and districts come from ``underthesea.address``.

>>> g = gazetteer()
>>> g.index_names["chỉ số cchc"], g.agency_canon["sở tt-tt"]
(('PAR', 'strong'), 'Sở Thông tin và Truyền thông')
>>> "Quảng Ninh" in g.provinces, "Châu Thành" in g.districts
(True, True)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

# other spellings of province names met in documents (the view already unifies tone placement)
PROVINCE_VARIANTS = {
    "Thừa Thiên Huế": "Huế", "Thừa Thiên - Huế": "Huế", "TT-Huế": "Huế", "TT Huế": "Huế",
    "Hồ Chí Minh": "Hồ Chí Minh", "HCM": "Hồ Chí Minh", "TPHCM": "Hồ Chí Minh", "Sài Gòn": "Hồ Chí Minh",
    "Đăk Lăk": "Đắk Lắk", "Đắc Lắc": "Đắk Lắk", "Đắk Lăk": "Đắk Lắk", "Đăk Lắk": "Đắk Lắk", "Daklak": "Đắk Lắk",
    "Đăk Nông": "Đắk Nông", "Đắc Nông": "Đắk Nông", "Bà Rịa Vũng Tàu": "Bà Rịa - Vũng Tàu",
    "Bà Rịa-Vũng Tàu": "Bà Rịa - Vũng Tàu", "BR-VT": "Bà Rịa - Vũng Tàu", "BRVT": "Bà Rịa - Vũng Tàu", "Kontum": "Kon Tum",
}  # fmt: skip
DISTRICT_PREFIXES = ("Huyện", "Quận", "Thị xã", "Thành phố")


@dataclass
class Gazetteer:
    index_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # lower phrase -> (code, strength)
    agencies: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, phrase as written, canonical)
    agency_canon: dict[str, str] = field(default_factory=dict)  # lower phrase -> canonical name
    components: list[tuple[str, str]] = field(default_factory=list)  # (index, name)
    provinces: dict[str, str] = field(default_factory=dict)  # name or variant -> short name (old)
    province_2025: dict[str, str] = field(default_factory=dict)  # old short name -> short name after 2025
    districts: set[str] = field(default_factory=set)  # district names without their prefix


def _rows(name: str) -> list[list[str]]:
    text = resources.files("extractors").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _address_data() -> dict:
    import underthesea

    path = Path(underthesea.__file__).parent / "address" / "data" / "mapping.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # an underthesea without its address data: places from the list below
        return {}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built on first use and shared by every extractor of the process."""
    g = Gazetteer()
    for code, phrase, strength in _rows("indices.tsv"):
        g.index_names[phrase.lower()] = (code, strength)
    for row in _rows("agencies.tsv"):
        kind, canon = row[0], row[1]
        for phrase in [canon, *(p.strip() for p in (row[2].split("|") if len(row) > 2 else []))]:
            if phrase:
                g.agencies.append((kind, phrase, canon))
                g.agency_canon[phrase.lower()] = canon
    g.components = [(r[0], r[1]) for r in _rows("components.tsv")]
    data = _address_data()
    old = {k: v["short"] for k, v in data.get("old_province_names", {}).items()}
    new = {k: v["short"] for k, v in data.get("province_names", {}).items()}
    for key, short in old.items():
        g.provinces[short] = short
        g.province_2025[short] = new.get(data["province_mapping"].get(key, ""), short)
    for short in new.values():
        g.provinces.setdefault(short, short)
    for variant, short in PROVINCE_VARIANTS.items():
        g.provinces[variant] = short
    for rec in data.get("ward_mapping", []):
        name = rec["old_district"]
        for p in DISTRICT_PREFIXES:
            if name.startswith(p + " "):
                g.districts.add(name[len(p) + 1 :])
                break
    return g
