//! Hooks, one per file.

pub mod use_model;
pub mod use_run;
pub mod use_shortcuts;
pub mod use_visible;
