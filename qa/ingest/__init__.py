"""Reading page files from a folder: safely, decoded, hashed."""
