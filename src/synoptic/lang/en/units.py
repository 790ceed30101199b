"""Units of measure as English writes them, with their dimension and their size in the SI unit.

``UNITS`` maps each written form (singular, plural, abbreviation) to ``(symbol, dimension, factor)``:
a value in the unit times ``factor`` is the value in the dimension's base unit (metres, kilograms,
square metres, litres, seconds, degrees). Lengths convert between kilometres, miles and nautical
miles; temperatures are kept in their own scale (``celsius``/``fahrenheit`` are different dimensions:
they are not proportional).
"""

from __future__ import annotations

_LENGTH = [("km", 1000.0, ("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers")),
           ("m", 1.0, ("metre", "metres", "meter", "meters")),
           ("cm", 0.01, ("cm", "centimetre", "centimetres", "centimeter", "centimeters")),
           ("mm", 0.001, ("mm", "millimetre", "millimetres", "millimeter", "millimeters")),
           ("mi", 1609.344, ("mile", "miles", "mi")),
           ("nmi", 1852.0, ("nautical mile", "nautical miles", "nm", "nmi")),
           ("ft", 0.3048, ("ft", "foot", "feet")),
           ("yd", 0.9144, ("yard", "yards", "yd", "yds")),
           ("in", 0.0254, ("inch", "inches", "in"))]
_MASS = [("t", 1000.0, ("tonne", "tonnes", "ton", "tons", "metric ton", "metric tons", "metric tonne", "metric tonnes",
                         "t")),
         ("sh tn", 907.18474, ("short ton", "short tons")),
         ("long tn", 1016.0469088, ("long ton", "long tons")),
         ("kg", 1.0, ("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes")),
         ("g", 0.001, ("gram", "grams", "gramme", "grammes", "g")),
         ("mg", 1e-6, ("mg", "milligram", "milligrams", "milligramme", "milligrammes")),
         # ("pound" is also a currency's name: extract.figures reads it as money only beside a scale
         # word, a money verb or "sterling")
         ("lb", 0.45359237, ("lb", "lbs", "pound", "pounds")),
         ("oz", 0.028349523, ("ounce", "ounces", "oz"))]
_AREA = [("ha", 1e4, ("hectare", "hectares", "ha")),
         ("acre", 4046.8564, ("acre", "acres")),
         ("km2", 1e6, ("square kilometre", "square kilometres", "square kilometer", "square kilometers", "sq km",
                       "km2")),
         ("sq mi", 2589988.1, ("square mile", "square miles", "sq mi")),
         ("m2", 1.0, ("square metre", "square metres", "square meter", "square meters", "sq m", "m2", "m²")),
         ("sq ft", 0.09290304, ("sq ft", "sq. ft.", "ft2", "ft²", "square foot", "square feet")),
         ("sq yd", 0.83612736, ("square yard", "square yards", "sq yd"))]
_VOLUME = [("l", 1.0, ("litre", "litres", "liter", "liters", "l")),
           ("ml", 0.001, ("ml", "millilitre", "millilitres", "milliliter", "milliliters")),
           ("cl", 0.01, ("cl", "centilitre", "centilitres", "centiliter", "centiliters")),
           ("pt", 0.473176473, ("pint", "pints")),
           ("qt", 0.946352946, ("quart", "quarts")),
           ("m3", 1000.0, ("cubic metre", "cubic metres", "cubic meter", "cubic meters", "cu m", "m3", "m³")),
           ("cu ft", 28.316846592, ("cubic foot", "cubic feet", "cu ft")),
           ("gal", 3.785411784, ("gallon", "gallons", "gal")),
           ("bbl", 158.987295, ("barrel", "barrels"))]
_POWER = [("MW", 1e6, ("mw", "megawatt", "megawatts")), ("GW", 1e9, ("gw", "gigawatt", "gigawatts")),
          ("kW", 1e3, ("kw", "kilowatt", "kilowatts"))]
_SPEED = [("km/h", 1 / 3.6, ("km/h", "kph", "kilometres per hour", "kilometers per hour")),
          ("mph", 0.44704, ("mph", "miles per hour")), ("kn", 0.514444, ("knot", "knots")),
          ("m/s", 1.0, ("m/s", "metres per second", "meters per second"))]
_TEMPERATURE = [("°C", 1.0, ("degrees celsius", "degrees centigrade", "°c")),
                ("°F", 1.0, ("degrees fahrenheit", "°f"))]
_ANGLE = [("°", 1.0, ("degree", "degrees", "°"))]

UNITS: dict[str, tuple[str, str, float]] = {}

#: Written forms whose size depends on the writer's country: a bare "ton" is a short ton (US, 2,000 lb),
#: a long ton (UK, 2,240 lb) or loosely a tonne. ``UNITS`` reads it as a tonne; these are its other sizes
#: (in the dimension's base unit), for telling whether two figures restate one another.
OTHER_SIZES: dict[str, tuple[float, ...]] = {"ton": (907.18474, 1016.0469088), "tons": (907.18474, 1016.0469088)}
for _dim, _table in (("length", _LENGTH), ("mass", _MASS), ("area", _AREA), ("volume", _VOLUME),
                     ("power", _POWER), ("speed", _SPEED), ("angle", _ANGLE)):
    for _sym, _factor, _forms in _table:
        for _f in _forms:
            UNITS[_f] = (_sym, _dim, _factor)
for _sym, _factor, _forms in _TEMPERATURE:
    for _f in _forms:
        UNITS[_f] = (_sym, "temperature" + _sym, _factor)

#: Nouns whose number is a temperature: a bare "degrees" or a bare number said of one of them ("temperatures
#: of minus 17 degrees", "temperatures were minus 20") is a temperature, not an angle or a count.
TEMPERATURE_NOUNS = frozenset({"temperature", "thermometer", "mercury", "windchill", "wind chill", "chill",
                               "heat index", "thermostat"})

#: Symbols that are also words or letters when written apart ("in", "t", "g", "l", "m"): a unit only
#: glued to a number ("10in", "5t", "500g", "2l", "600m"), never after a space.
GLUED_ONLY = frozenset({"in", "t", "g", "l", "m", "ha", "nm", "oz", "mi", "yd", "gal", "cl", "pt", "qt"})

#: Written forms, longest first (for a regular expression: "nautical miles" before "miles").
UNIT_WORDS = tuple(sorted(UNITS, key=len, reverse=True))


def unit_of(words: str) -> tuple[str, str, float] | None:
    """``(symbol, dimension, factor)`` of a unit as written ("kilometres" -> ("km", "length", 1000.0))."""
    return UNITS.get(" ".join(words.lower().split()))


def convert(value: float, unit: str, to: str) -> float | None:
    """``value`` in ``unit`` expressed in ``to`` (both written forms or symbols), or None across dimensions."""
    a = unit_of(unit) or next((u for u in UNITS.values() if u[0] == unit), None)
    b = unit_of(to) or next((u for u in UNITS.values() if u[0] == to), None)
    if a is None or b is None or a[1] != b[1]:
        return None
    return value * a[2] / b[2]


def dimension(unit: str | None) -> tuple[str, float] | None:
    """``(dimension, factor to its base unit)`` of a unit symbol or written form, or None."""
    if not unit:
        return None
    u = unit_of(unit) or next((x for x in UNITS.values() if x[0] == unit), None)
    return (u[1], u[2]) if u else None


def sizes(unit: str) -> tuple[float, ...]:
    """Every size in the dimension's base unit a written unit may have ("tons": a tonne, a short ton, a
    long ton); empty for a form the table lacks."""
    u = unit_of(unit)
    if u is None:
        return ()
    return (u[2], *OTHER_SIZES.get(" ".join(unit.lower().split()), ()))


#: How far apart (a share of the larger) two sizes may be and still be one quantity written in two
#: units: a conversion is rounded to two or three digits ("43 lbs. (20 kg)": 19.5 kg; "54 million tons
#: (49 million metric tons)": 48.99 million tonnes of short tons). Fitted on the Multi-News review15
#: stories (ewaste's five conversions, kilauea's two are within 3%); 6% leaves room for a conversion to
#: one significant digit of a 2-digit figure ("66 lbs. (30 kg)": 29.9).
RESTATE_TOLERANCE = 0.06


def restates(value: float, unit: str, other_value: float, other_unit: str) -> bool:
    """Whether ``other_value`` ``other_unit`` is ``value`` ``unit`` written in another unit of the same
    dimension (written forms or symbols), within :data:`RESTATE_TOLERANCE`, any size of an ambiguous unit."""
    a, b = unit_of(unit), unit_of(other_unit)
    a = a or next((u for u in UNITS.values() if u[0] == unit), None)
    b = b or next((u for u in UNITS.values() if u[0] == other_unit), None)
    if a is not None and b is not None and {a[0], b[0]} == {"°C", "°F"}:  # "45C (113F)": the scales' formula
        c, f = (value, other_value) if a[0] == "°C" else (other_value, value)
        return abs(c * 9 / 5 + 32 - f) <= 1.0
    if a is None or b is None or a[1] != b[1] or value <= 0 or other_value <= 0:
        return False
    for fa in sizes(unit) or (a[2],):
        for fb in sizes(other_unit) or (b[2],):
            x, y = value * fa, other_value * fb
            if abs(x - y) <= RESTATE_TOLERANCE * max(x, y):
                return True
    return False


__all__ = ["GLUED_ONLY", "TEMPERATURE_NOUNS", "UNITS", "UNIT_WORDS", "OTHER_SIZES", "RESTATE_TOLERANCE",
           "convert", "dimension", "restates", "sizes", "unit_of"]


#: Things counted to tell a distance along a street or a building, as English does ("five buildings
#: away", "three doors down", "two blocks from the scene", "a few houses up the road"): their count,
#: with "away" or "from", is a distance in their own unit, not a count of the things.
DISTANCE_COUNT_NOUNS = frozenset(("block", "door", "house", "building", "street", "lot", "storey", "story", "floor",
                                  "step", "pace", "stride", "car length", "lane", "exit", "stop", "station"))

