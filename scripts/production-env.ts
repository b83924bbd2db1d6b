// Imported first by the server entry points: React and Next.js pick their production
// builds from NODE_ENV when they load, so it must be set before they do.
(process.env as Record<string, string>).NODE_ENV ??= "production";
