# syntax=docker/dockerfile:1
# DiplomacyGraph API: build with the .NET 10 SDK, run on the ASP.NET Core 10 runtime as the non-root `app` user.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# npm, for the graph explorer's one library (Cytoscape.js), which the API's build embeds; the image needs no npm.
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# Restore first, from the build files and project files only, so the restore layer is reused until they change.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/DiplomacyGraph.Api/DiplomacyGraph.Api.csproj src/DiplomacyGraph.Api/
COPY src/DiplomacyGraph.Format/DiplomacyGraph.Format.csproj src/DiplomacyGraph.Format/
COPY src/DiplomacyGraph.Storage/DiplomacyGraph.Storage.csproj src/DiplomacyGraph.Storage/
RUN dotnet restore src/DiplomacyGraph.Api/DiplomacyGraph.Api.csproj
# The explorer's npm packages, from its lock file only, in a layer of their own; the build then finds them up to date.
COPY src/DiplomacyGraph.Api/Explore/package.json src/DiplomacyGraph.Api/Explore/package-lock.json src/DiplomacyGraph.Api/Explore/
RUN npm ci --prefix src/DiplomacyGraph.Api/Explore --no-audit --no-fund --loglevel=error

# The rest (src/, seed/, .editorconfig; see .dockerignore). The API project copies ../../seed/*.json to seed/ on publish.
COPY . .
RUN dotnet publish src/DiplomacyGraph.Api/DiplomacyGraph.Api.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app .
# /app stays root-owned and read-only for the app. With Neo4j configured (docker-compose.yml) nothing is written;
# without it the embedded store writes data/diplomacygraph.db under the content root (/app), so that one folder
# is made writable. Mount a volume at /app/data to keep it: docker run -p 8080:8080 -v dg-data:/app/data <image>
RUN mkdir -p /app/data && chown "$APP_UID:$APP_UID" /app/data
# `app` (UID $APP_UID = 1654) is created by the .NET images; the image listens on 8080 (ASPNETCORE_HTTP_PORTS).
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "DiplomacyGraph.Api.dll"]
