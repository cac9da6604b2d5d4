// This file is generated from spec/leaf-credentials.yaml by `npm run generate`.
// Do not edit it: change the spec and regenerate.
/** Leaf's production API, the first server in the spec. */
export const PRODUCTION_BASE_URL = "https://api.withleaf.io/services/usermanagement/api";
/** Properties the spec marks `x-sensitive: true`: their values are secrets. */
export const SECRET_FIELDS = ["accessToken","apiKey","clientSecret","refreshToken"] as const;
