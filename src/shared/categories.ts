/** The categories an article can be filed under; one per article. */
export const CATEGORIES = [
  "Backend",
  "Infrastructure",
  "Data Engineering",
  "Machine Learning",
  "AI",
  "Mobile",
  "Frontend",
  "Security",
  "Reliability",
  "DevOps",
  "Architecture",
  "Culture",
  "Engineering",
] as const;
export type Category = (typeof CATEGORIES)[number];
