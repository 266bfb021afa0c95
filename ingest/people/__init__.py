"""The people of one document: names, resolution of references, posts and mentions."""
