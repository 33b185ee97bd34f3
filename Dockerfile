# planbook's container image, for publishing pipelines: the static binary alone, on an empty
# base. planbook needs nothing else: it reads git history itself (no git), keeps its cache in
# the repository's .git folder, and needs no shell, network or temporary folder.
#
# The build context holds the static musl binaries, one folder per platform, as the release
# workflow lays them out (.github/workflows/release.yml, job `image`):
#
#   amd64/planbook   arm64/planbook   Dockerfile
#
#   docker buildx build --platform linux/amd64,linux/arm64 -t planbook CONTEXT
#
# Use it with the data repository mounted as the working directory:
#
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/data" planbook check
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/data" planbook build -o _site
#
# It runs as root by default, because CI systems mount their workspace owned by their own user
# and `build` writes into it; pass `-u` to run as yourself.
FROM scratch

ARG TARGETARCH
COPY --chmod=0755 ${TARGETARCH}/planbook /usr/local/bin/planbook

WORKDIR /data
ENTRYPOINT ["/usr/local/bin/planbook"]
CMD ["check"]
