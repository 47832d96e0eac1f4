"""Tables, the engine and the schema migrations."""

from models.db import database_url, get_engine, session_scope, upgrade  # noqa: F401
from models.tables import *  # noqa: F401,F403
