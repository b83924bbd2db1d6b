import { isBlank, type SiteInfo } from "@/lib/content/site-info";

/** A value from site.yaml; a blank the newsroom has yet to fill in is marked as such, never dressed up as a fact. */
function Value({ value }: { value: string }) {
  return isBlank(value) ? <span className="blank">{value}</span> : <>{value}</>;
}

/** A filing number linked to its official register (the register is linked even while the number is blank). */
function Filing({ filing }: { filing: SiteInfo["icp"] }) {
  return (
    <a href={filing.url} rel="noopener noreferrer">
      <Value value={filing.number} />
    </a>
  );
}

/** 主办单位, 地址, 电话, 投稿, ICP备案号, 公安备案号: the lines every Chinese news site prints, from content/site.yaml. */
export function PaperInfo({ info }: { info: SiteInfo }) {
  const rows: [string, React.ReactNode][] = [
    ["主办单位", <Value key="p" value={info.publisher} />],
    ["地址", <Value key="a" value={info.address} />],
    ["电话", <Value key="t" value={info.telephone} />],
    ["投稿", <Value key="s" value={info.submissions} />],
    ["ICP备案号", <Filing key="i" filing={info.icp} />],
    ["公安备案号", <Filing key="g" filing={info.police} />],
  ];
  return (
    <dl className="paper-info">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
