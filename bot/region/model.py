"""The region as the rest of the code sees it: plain, immutable values made from the region file."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Door:
    """A local organisation a family or school goes to, such as the wijkteam or leerplicht."""

    name: str
    url: str | None = None
    phone: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Municipality:
    name: str
    url: str
    doors: dict
    aliases: tuple = ()


@dataclass(frozen=True)
class Contact:
    """A named contact person who takes over questions for some municipalities and themes."""

    id: str
    name: str
    role: str
    email: str
    municipalities: tuple
    themes: tuple
    working_days: tuple
    phone: str | None = None
    coordinator: bool = False

    def covers(self, municipality: str, theme: str) -> bool:
        return municipality in self.municipalities and theme in self.themes


@dataclass(frozen=True)
class Region:
    name: str
    phone: str
    email: str
    response_hours: int
    municipalities: dict = field(default_factory=dict)
    contacts: tuple = ()
    example: bool = False  # the shipped example region: made-up contact persons, numbers and addresses

    def shown(self, value: str) -> str:
        """`value` (a contact person's name, a phone number, an e-mail address) as a user reads it:
        marked "(voorbeeld)" in the example region, so that nobody calls a made-up number or waits
        for a made-up person."""
        return f"{value} (voorbeeld)" if self.example else value

    def contact(self, contact_id: str) -> Contact | None:
        return next((c for c in self.contacts if c.id == contact_id), None)

    @property
    def municipality_names(self) -> list:
        return list(self.municipalities)

    def served_list(self) -> str:
        """'Aalten, Oost-Gelre en Winterswijk': how the assistant names the region's municipalities."""
        names = self.municipality_names
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
