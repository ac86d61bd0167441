//! Errors a request can end in, answered as an HTML page or, under `/api/`, as JSON.

use axum::http::StatusCode;

/// A failed request: its status and a message safe to show (it is escaped when shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppError {
    pub status: StatusCode,
    pub message: String,
}

impl AppError {
    pub fn not_found(what: &str) -> AppError {
        AppError {
            status: StatusCode::NOT_FOUND,
            message: format!("no such {what}"),
        }
    }

    pub fn bad_request(message: String) -> AppError {
        AppError {
            status: StatusCode::BAD_REQUEST,
            message,
        }
    }

    /// The server cannot take the request now; the client should retry (503, and the
    /// response guard adds `Retry-After`).
    pub fn busy(message: &str) -> AppError {
        AppError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            message: message.to_string(),
        }
    }

    pub fn internal(message: String) -> AppError {
        AppError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message,
        }
    }
}
