FROM localhost/dsl-bench-base:latest
WORKDIR /app
COPY . .
RUN npm ci
CMD ["node", "src/index.js"]
