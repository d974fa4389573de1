"""cleanarticle: scraped news articles to one canonical Markdown document with metadata."""

from cleanarticle.api import Article, clean, default_pipeline, register, rules, unregister
from cleanarticle.config import Config
from cleanarticle.errors import CleanArticleError, ConfigError, InputError
from cleanarticle.model import Edit, Image, Metadata, Related
from cleanarticle.pipeline import Cleaner, Context, Pipeline, cleaner

__version__ = "0.1.0"

__all__ = [
    "Article",
    "CleanArticleError",
    "Cleaner",
    "Config",
    "ConfigError",
    "Context",
    "Edit",
    "Image",
    "InputError",
    "Metadata",
    "Pipeline",
    "Related",
    "clean",
    "cleaner",
    "default_pipeline",
    "register",
    "rules",
    "unregister",
]
