/**
 * Cache tags for public reads. A write invalidates the tags of exactly what it
 * changed: an indicator edit touches that indicator and the lists that show it.
 */
export const tags = {
  report: (report: string) => `report:${report}`,
  toc: (report: string) => `toc:${report}`,
  section: (report: string, section: string) => `section:${report}/${section}`,
  indicators: (report: string) => `indicators:${report}`,
  indicator: (report: string, code: string) => `indicator:${report}/${code}`,
  entities: (report: string) => `entities:${report}`,
};
