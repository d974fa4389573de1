"""cleanarticle: scraped news articles to one canonical Markdown document with metadata."""

from cleanarticle.api import Article, clean, default_pipeline, register, rules, unregister
from cleanarticle.config import Config
from cleanarticle.errors import (
    CleanArticleError,
    CleanerError,
    ConfigError,
    InputError,
    InternalError,
    UnstableError,
)
from cleanarticle.model import Edit, Image, Metadata, Related
from cleanarticle.pipeline import Cleaner, Context, Option, Pipeline, cleaner
from cleanarticle.settings import find_config, load_config

__version__ = "0.1.0"

__all__ = [
    "Article",
    "CleanArticleError",
    "Cleaner",
    "CleanerError",
    "Config",
    "ConfigError",
    "Context",
    "Edit",
    "Image",
    "InputError",
    "InternalError",
    "Metadata",
    "Option",
    "Pipeline",
    "Related",
    "UnstableError",
    "clean",
    "cleaner",
    "default_pipeline",
    "find_config",
    "load_config",
    "register",
    "rules",
    "unregister",
]
