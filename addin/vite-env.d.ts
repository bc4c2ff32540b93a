// Vite's client types: CSS and asset imports in the browser entry points.
/// <reference types="vite/client" />
