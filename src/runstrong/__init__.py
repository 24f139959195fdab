"""runstrong: strength plans for runners, fitted around the running week and explained rule by rule."""

__version__ = "0.1.0"
