"""The region of this deployment: its municipalities, local doors and contact persons."""

from bot.region.loader import RegionFileError, load_region, region_path
from bot.region.match import find_municipality, locate_municipality
from bot.region.model import Contact, Door, Municipality, Region

__all__ = [
    "Contact",
    "Door",
    "Municipality",
    "Region",
    "RegionFileError",
    "find_municipality",
    "load_region",
    "locate_municipality",
    "region_path",
]
