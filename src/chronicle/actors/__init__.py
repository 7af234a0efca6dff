"""Actors: states, UN bodies, IGOs, NGOs, media and people found in a document (docs/actors.md)."""

from chronicle.actors.resolve import actor_index, find_actors

__all__ = ["actor_index", "find_actors"]
