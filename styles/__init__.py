"""Layout profiles (GB/T 9704-2012 and the legacy Party format) shipped as package data."""
