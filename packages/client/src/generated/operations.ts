// This file is generated from spec/leaf-credentials.yaml by `npm run generate`.
// Do not edit it: change the spec and regenerate.
/** Every operation of the spec: its HTTP method, path template, and which sides carry a JSON body. */
export const OPERATIONS = {
  getTrimbleCredentials: { method: "GET", path: "/users/{leafUserId}/trimble-credentials", requestBody: false, responseBody: true },
  createTrimbleCredentials: { method: "POST", path: "/users/{leafUserId}/trimble-credentials", requestBody: true, responseBody: true },
  deleteTrimbleCredentials: { method: "DELETE", path: "/users/{leafUserId}/trimble-credentials", requestBody: false, responseBody: false },
  getTrimbleCredentialEvents: { method: "GET", path: "/users/{leafUserId}/trimble-credentials/events", requestBody: false, responseBody: true },
  getClimateFieldViewCredentials: { method: "GET", path: "/users/{leafUserId}/climate-field-view-credentials", requestBody: false, responseBody: true },
  createClimateFieldViewCredentials: { method: "POST", path: "/users/{leafUserId}/climate-field-view-credentials", requestBody: true, responseBody: true },
  deleteClimateFieldViewCredentials: { method: "DELETE", path: "/users/{leafUserId}/climate-field-view-credentials", requestBody: false, responseBody: false },
  getClimateFieldViewCredentialStatus: { method: "GET", path: "/users/{leafUserId}/climate-field-view-credentials/status", requestBody: false, responseBody: true },
  getClimateFieldViewCredentialEvents: { method: "GET", path: "/users/{leafUserId}/climate-field-view-credentials/events", requestBody: false, responseBody: true },
} as const;
