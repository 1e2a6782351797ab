"""The index: a versioned folder of plain files (manifest, dense vectors, BM25, takedowns)."""
