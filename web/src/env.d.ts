// Vite handles CSS imports; JSON imports are typed by resolveJsonModule.
declare module "*.css";
