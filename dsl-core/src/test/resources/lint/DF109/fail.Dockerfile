FROM node:22
RUN yarn install --frozen-lockfile
