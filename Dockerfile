# The pmkg app (Streamlit) and CLI, for docker-compose.yml: Neo4j runs in its own container.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_LINK_MODE=copy \
    PATH=/app/.venv/bin:$PATH

RUN pip install --no-cache-dir uv \
 && useradd --create-home --uid 1000 pmkg
WORKDIR /app

# Dependencies first, so a code change does not reinstall them.
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project

COPY . .
RUN uv sync --frozen --no-dev && chown -R pmkg /app
USER pmkg

EXPOSE 8501
# Inside the container the app must listen on all interfaces; compose publishes it on loopback only.
CMD ["pmkg", "app", "--host", "0.0.0.0", "--port", "8501"]
