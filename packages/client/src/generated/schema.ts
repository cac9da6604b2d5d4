// This file is generated from spec/leaf-credentials.yaml by `npm run generate`.
// Do not edit it: change the spec and regenerate.
export interface paths {
    "/users/{leafUserId}/trimble-credentials": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The `id` of the Leaf user whose provider credentials are addressed.
                 * @example 5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f
                 */
                leafUserId: components["parameters"]["LeafUserId"];
            };
            cookie?: never;
        };
        /**
         * Get the Trimble credentials
         * @description Returns the Trimble credentials of the Leaf user, with their current status.
         */
        get: operations["getTrimbleCredentials"];
        put?: never;
        /**
         * Create Trimble credentials
         * @description Stores Trimble credentials for the Leaf user. Leaf uses the refresh token
         *     to obtain access tokens and reports their health in `status`.
         */
        post: operations["createTrimbleCredentials"];
        /**
         * Delete the Trimble credentials
         * @description Deletes the Leaf user's Trimble credentials. Their events are deleted
         *     with them.
         */
        delete: operations["deleteTrimbleCredentials"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{leafUserId}/trimble-credentials/events": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The `id` of the Leaf user whose provider credentials are addressed.
                 * @example 5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f
                 */
                leafUserId: components["parameters"]["LeafUserId"];
            };
            cookie?: never;
        };
        /**
         * Get the Trimble credential events
         * @description Returns the log of Leaf's exchanges with Trimble made with the user's
         *     credentials, to troubleshoot their health. Events are kept for 30 days
         *     and are gone once the credentials are deleted or disassociated from the
         *     Leaf user.
         */
        get: operations["getTrimbleCredentialEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{leafUserId}/climate-field-view-credentials": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The `id` of the Leaf user whose provider credentials are addressed.
                 * @example 5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f
                 */
                leafUserId: components["parameters"]["LeafUserId"];
            };
            cookie?: never;
        };
        /**
         * Get the Climate FieldView credentials
         * @description Returns the Climate FieldView credentials of the Leaf user. When Leaf's
         *     background checks find the credentials no longer valid, `status` changes.
         */
        get: operations["getClimateFieldViewCredentials"];
        put?: never;
        /**
         * Create Climate FieldView credentials
         * @description Stores Climate FieldView credentials for the Leaf user. Leaf uses the
         *     refresh token to obtain access tokens and reports their health in
         *     `status`.
         */
        post: operations["createClimateFieldViewCredentials"];
        /**
         * Delete the Climate FieldView credentials
         * @description Deletes the Leaf user's Climate FieldView credentials. Their events are
         *     deleted with them.
         */
        delete: operations["deleteClimateFieldViewCredentials"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{leafUserId}/climate-field-view-credentials/status": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The `id` of the Leaf user whose provider credentials are addressed.
                 * @example 5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f
                 */
                leafUserId: components["parameters"]["LeafUserId"];
            };
            cookie?: never;
        };
        /**
         * Get the Climate FieldView credential status
         * @description Returns only the health of the user's Climate FieldView credentials: one
         *     of the four `CredentialStatus` values.
         */
        get: operations["getClimateFieldViewCredentialStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{leafUserId}/climate-field-view-credentials/events": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The `id` of the Leaf user whose provider credentials are addressed.
                 * @example 5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f
                 */
                leafUserId: components["parameters"]["LeafUserId"];
            };
            cookie?: never;
        };
        /**
         * Get the Climate FieldView credential events
         * @description Returns the log of Leaf's exchanges with Climate FieldView made with the
         *     user's credentials, to troubleshoot their health. Events are kept for 30
         *     days and are gone once the credentials are deleted or disassociated from
         *     the Leaf user.
         */
        get: operations["getClimateFieldViewCredentialEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * CredentialStatus
         * @description The health of a provider credential, as Leaf last saw it. Leaf checks
         *     credentials in the background and changes this value when the provider
         *     starts refusing them.
         *
         *     - `OK`: The credential works; Leaf can fetch data from the provider with it.
         *     - `UNAUTHENTICATED`: The provider no longer accepts the credential (revoked or expired); create new credentials.
         *     - `MISSING_PERMISSION`: The provider accepts the credential but it lacks the permissions (scopes) Leaf needs.
         *     - `TEMPORARILY_UNAVAILABLE`: The provider's API is failing or unreachable; the credential itself may be fine, so retry later.
         * @example OK
         * @enum {string}
         */
        CredentialStatus: "OK" | "UNAUTHENTICATED" | "MISSING_PERMISSION" | "TEMPORARILY_UNAVAILABLE";
        /**
         * CredentialStatusReport
         * @description The body of a status check, holding the credential's current status.
         * @example {
         *       "status": "OK"
         *     }
         */
        CredentialStatusReport: {
            status: components["schemas"]["CredentialStatus"];
        };
        /**
         * CredentialEvent
         * @description One logged exchange between Leaf and the provider made with this credential,
         *     for troubleshooting its health.
         * @example {
         *       "id": "6a3f9b1c2d4e5f60718293a4",
         *       "body": "{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token expired\"}",
         *       "headers": "{\"content-type\":\"application/json\"}",
         *       "statusCode": 400,
         *       "createdDate": "2023-05-10T14:03:11.123456Z"
         *     }
         */
        CredentialEvent: {
            /** @description Identifier of the event. */
            id: string;
            /** @description The body the provider answered with, as text. */
            body: string;
            /** @description The headers the provider answered with, serialized as text. */
            headers: string;
            /**
             * Format: int32
             * @description The HTTP status code the provider answered with.
             */
            statusCode: number;
            /**
             * Format: date-time
             * @description When Leaf recorded the event (UTC, microsecond precision).
             */
            createdDate: string;
        };
        /**
         * CredentialEvents
         * @description The logged events of one credential, newest first.
         */
        CredentialEvents: components["schemas"]["CredentialEvent"][];
        /**
         * Problem
         * @description An error in the RFC 9457 problem-details shape Leaf's JHipster services use,
         *     served as `application/problem+json`.
         */
        Problem: {
            /**
             * Format: uri-reference
             * @description A URI identifying the kind of problem; `about:blank` when there is no more specific one.
             * @default about:blank
             */
            type: string;
            /** @description A short, human-readable summary of the kind of problem. */
            title: string;
            /**
             * Format: int32
             * @description The HTTP status code of this response, repeated for convenience.
             */
            status: number;
            /** @description What went wrong in this request, naming the offending field or header where there is one. */
            detail?: string;
            /** @description The request path that produced the problem. */
            path?: string;
            /** @description A machine-readable message key, such as `error.validation` or `error.http.401`. */
            message?: string;
            /** @description For validation problems, one entry for each field that was wrong. */
            fieldErrors?: components["schemas"]["FieldError"][];
        };
        /**
         * FieldError
         * @description One invalid field of a request.
         */
        FieldError: {
            /** @description Where the field was found, such as `body`, `path` or `header`. */
            objectName?: string;
            /** @description The field's location, such as `clientSecret` or `tokenMetadata.scopes`. */
            field: string;
            /** @description Why the field was rejected. */
            message: string;
        };
        /**
         * TrimbleCredentials
         * @description The Trimble credentials of a Leaf user: the OAuth client Leaf uses to reach
         *     Trimble on the user's behalf, and the tokens Leaf keeps for it.
         * @example {
         *       "id": "3b9d5c1e-7f2a-4e8b-a6d4-0c1f2e3a4b5c",
         *       "status": "OK",
         *       "createdTime": "2023-05-10T14:03:11.123456Z",
         *       "tokenMetadata": {
         *         "scopes": "openid ag-api"
         *       },
         *       "clientId": "example-trimble-client-id",
         *       "clientSecret": "example-trimble-client-secret",
         *       "accessToken": "example-trimble-access-token",
         *       "refreshToken": "example-trimble-refresh-token"
         *     }
         */
        TrimbleCredentials: {
            /**
             * Format: uuid
             * @description Identifier of these credentials in Leaf.
             */
            id: string;
            status: components["schemas"]["CredentialStatus"];
            /**
             * Format: date-time
             * @description When the credentials were created in Leaf (UTC, microsecond precision).
             */
            createdTime: string;
            /** @description What Trimble granted with the current access token. */
            tokenMetadata: {
                /** @description The OAuth scopes granted, space-separated. */
                scopes: string;
            };
            /** @description The client ID of the Trimble application. */
            clientId: string;
            /** @description The client secret of the Trimble application. Sensitive. */
            clientSecret: string;
            /** @description The access token Leaf currently uses with Trimble. Sensitive. */
            accessToken: string;
            /** @description The refresh token Leaf uses to obtain new access tokens. Sensitive. */
            refreshToken: string;
        };
        /**
         * TrimbleCredentialsCreate
         * @description What Leaf needs to act on a user's behalf with Trimble.
         * @example {
         *       "clientId": "example-trimble-client-id",
         *       "clientSecret": "example-trimble-client-secret",
         *       "refreshToken": "example-trimble-refresh-token"
         *     }
         */
        TrimbleCredentialsCreate: {
            /** @description The client ID of your Trimble application. */
            clientId: string;
            /** @description The client secret of your Trimble application. Sensitive. */
            clientSecret: string;
            /** @description A refresh token the user granted your Trimble application. Sensitive. */
            refreshToken: string;
        };
        /**
         * ClimateFieldViewCredentials
         * @description The Climate FieldView credentials of a Leaf user: the API client and key
         *     Leaf uses to reach Climate FieldView on the user's behalf, and the tokens
         *     Leaf keeps for it.
         * @example {
         *       "status": "OK",
         *       "clientId": "example-fieldview-client-id",
         *       "clientSecret": "example-fieldview-client-secret",
         *       "apiKey": "example-fieldview-api-key",
         *       "accessToken": "example-fieldview-access-token",
         *       "refreshToken": "example-fieldview-refresh-token",
         *       "scopes": [
         *         "fields:read",
         *         "asPlanted:read"
         *       ]
         *     }
         */
        ClimateFieldViewCredentials: {
            status: components["schemas"]["CredentialStatus"];
            /** @description The client ID of the Climate FieldView application. */
            clientId: string;
            /** @description The client secret of the Climate FieldView application. Sensitive. */
            clientSecret: string;
            /** @description The Climate FieldView API key of the application. Sensitive. */
            apiKey: string;
            /**
             * @description The access token Leaf currently uses with Climate FieldView. Sensitive.
             *     Optional: Leaf's own example of this resource leaves it out.
             */
            accessToken?: string;
            /** @description The refresh token Leaf uses to obtain new access tokens. Sensitive. */
            refreshToken: string;
            /** @description The OAuth scopes granted to the application. */
            scopes: string[];
        };
        /**
         * ClimateFieldViewCredentialsCreate
         * @description What Leaf needs to act on a user's behalf with Climate FieldView.
         * @example {
         *       "clientId": "example-fieldview-client-id",
         *       "clientSecret": "example-fieldview-client-secret",
         *       "apiKey": "example-fieldview-api-key",
         *       "refreshToken": "example-fieldview-refresh-token"
         *     }
         */
        ClimateFieldViewCredentialsCreate: {
            /** @description The client ID of your Climate FieldView application. */
            clientId: string;
            /** @description The client secret of your Climate FieldView application. Sensitive. */
            clientSecret: string;
            /** @description The Climate FieldView API key of your application. Sensitive. */
            apiKey: string;
            /** @description A refresh token the user granted your Climate FieldView application. Sensitive. */
            refreshToken: string;
        };
    };
    responses: {
        /**
         * @description The request is invalid: `leafUserId` is not a UUID, or the body is not JSON,
         *     misses a required field, has a field of the wrong type, or has a field the
         *     schema does not know. `detail` and `fieldErrors` name what was wrong.
         */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://www.jhipster.tech/problem/constraint-violation",
                 *       "title": "Bad Request",
                 *       "status": 400,
                 *       "detail": "body must have required property 'clientSecret'",
                 *       "message": "error.validation",
                 *       "fieldErrors": [
                 *         {
                 *           "objectName": "body",
                 *           "field": "clientSecret",
                 *           "message": "must have required property 'clientSecret'"
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The `Authorization` header is missing, or its bearer token is malformed,
         *     expired or not issued by Leaf. Get a fresh token from
         *     `POST https://api.withleaf.io/api/authenticate`.
         */
        Unauthorized: {
            headers: {
                /**
                 * @description The authentication scheme the API expects (RFC 6750), possibly followed by its parameters.
                 * @example Bearer
                 */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Unauthorized",
                 *       "status": 401,
                 *       "detail": "Full authentication is required to access this resource",
                 *       "message": "error.http.401"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description There is no Leaf user with this `leafUserId`, or the user has no credentials for this provider. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Not Found",
                 *       "status": 404,
                 *       "detail": "No credentials of this provider for Leaf user 5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f",
                 *       "message": "error.http.404"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The body was not sent as `Content-Type: application/json`. (`curl -d`
         *     without that header sends `application/x-www-form-urlencoded`.)
         */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Unsupported Media Type",
                 *       "status": 415,
                 *       "detail": "Content-Type header: Supported content types: application/json",
                 *       "message": "error.http.415",
                 *       "fieldErrors": [
                 *         {
                 *           "objectName": "header",
                 *           "field": "Content-Type",
                 *           "message": "Supported content types: application/json"
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description Leaf failed to handle the request. Nothing about the request is known to be
         *     wrong; retry later, and contact Leaf if it persists.
         */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Internal Server Error",
                 *       "status": 500,
                 *       "detail": "An unexpected error occurred",
                 *       "message": "error.http.500"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The credentials were deleted. The response has no body. */
        CredentialsDeleted: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /**
         * @description The credential's logged events, newest first. Leaf keeps events for 30
         *     days; once the credential is deleted or disassociated from the Leaf user,
         *     its events are gone.
         */
        CredentialEvents: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example [
                 *       {
                 *         "id": "6a3f9b1c2d4e5f60718293a4",
                 *         "body": "{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token expired\"}",
                 *         "headers": "{\"content-type\":\"application/json\"}",
                 *         "statusCode": 400,
                 *         "createdDate": "2023-05-10T14:03:11.123456Z"
                 *       },
                 *       {
                 *         "id": "6a3f9b1c2d4e5f60718293a3",
                 *         "body": "{\"access_token\":\"[redacted]\",\"token_type\":\"Bearer\",\"expires_in\":3600}",
                 *         "headers": "{\"content-type\":\"application/json\"}",
                 *         "statusCode": 200,
                 *         "createdDate": "2023-05-09T08:41:52.654321Z"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["CredentialEvents"];
            };
        };
    };
    parameters: {
        /**
         * @description The `id` of the Leaf user whose provider credentials are addressed.
         * @example 5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f
         */
        LeafUserId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getTrimbleCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The `id` of the Leaf user whose provider credentials are addressed.
                 * @example 5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f
                 */
                leafUserId: components["parameters"]["LeafUserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's Trimble credentials. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrimbleCredentials"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createTrimbleCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The `id` of the Leaf user whose provider credentials are addressed.
                 * @example 5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f
                 */
                leafUserId: components["parameters"]["LeafUserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TrimbleCredentialsCreate"];
            };
        };
        responses: {
            /** @description The credentials were created; the body is the stored resource. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrimbleCredentials"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deleteTrimbleCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The `id` of the Leaf user whose provider credentials are addressed.
                 * @example 5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f
                 */
                leafUserId: components["parameters"]["LeafUserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: components["responses"]["CredentialsDeleted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getTrimbleCredentialEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The `id` of the Leaf user whose provider credentials are addressed.
                 * @example 5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f
                 */
                leafUserId: components["parameters"]["LeafUserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["CredentialEvents"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getClimateFieldViewCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The `id` of the Leaf user whose provider credentials are addressed.
                 * @example 5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f
                 */
                leafUserId: components["parameters"]["LeafUserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's Climate FieldView credentials. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClimateFieldViewCredentials"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createClimateFieldViewCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The `id` of the Leaf user whose provider credentials are addressed.
                 * @example 5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f
                 */
                leafUserId: components["parameters"]["LeafUserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClimateFieldViewCredentialsCreate"];
            };
        };
        responses: {
            /** @description The credentials were created; the body is the stored resource. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClimateFieldViewCredentials"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deleteClimateFieldViewCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The `id` of the Leaf user whose provider credentials are addressed.
                 * @example 5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f
                 */
                leafUserId: components["parameters"]["LeafUserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: components["responses"]["CredentialsDeleted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getClimateFieldViewCredentialStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The `id` of the Leaf user whose provider credentials are addressed.
                 * @example 5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f
                 */
                leafUserId: components["parameters"]["LeafUserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The credentials' current status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialStatusReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getClimateFieldViewCredentialEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The `id` of the Leaf user whose provider credentials are addressed.
                 * @example 5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f
                 */
                leafUserId: components["parameters"]["LeafUserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["CredentialEvents"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
