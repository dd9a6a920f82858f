FROM node:22
RUN yarn install --frozen-lockfile && yarn cache clean
