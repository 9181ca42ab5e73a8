<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis labelsEnabled="1" version="3.22.16-Białowieża" styleCategories="Symbology|Labeling">
  <renderer-v2 type="pointCluster" referencescale="-1" toleranceUnit="MM" enableorderby="0" tolerance="7" forceraster="0" symbollevels="0" toleranceUnitScale="3x:0,0,0,0,0,0">
    <renderer-v2 type="RuleRenderer" referencescale="-1" enableorderby="0" forceraster="0" symbollevels="0">
      <rules key="root">
        <rule filter="&quot;tahap&quot; = 'pemula'" label="IR 1 Beginner" key="pemula">
          <rule filter="&quot;sektor&quot; IN ('makanan', 'minuman')" symbol="0" label="Food &amp; beverages" key="pemula.pangan"/>
          <rule filter="&quot;sektor&quot; IN ('tenun_cual', 'batik', 'rajutan', 'konveksi')" symbol="1" label="Textiles &amp; clothing" key="pemula.tekstil"/>
          <rule filter="&quot;sektor&quot; IN ('anyaman')" symbol="2" label="Woven crafts" key="pemula.anyaman"/>
          <rule filter="&quot;sektor&quot; IN ('pewter')" symbol="3" label="Pewter &amp; metal" key="pemula.logam"/>
          <rule filter="&quot;sektor&quot; IN ('batu_satam', 'aksesoris')" symbol="4" label="Jewellery &amp; accessories" key="pemula.perhiasan"/>
          <rule filter="&quot;sektor&quot; IN ('kerajinan_kayu')" symbol="5" label="Woodcraft" key="pemula.kayu"/>
          <rule filter="ELSE" symbol="6" label="Other sector / not filled in" key="pemula.lainnya"/>
        </rule>
        <rule filter="&quot;tahap&quot; = 'berkembang'" label="IR 2 Developing" key="berkembang">
          <rule filter="&quot;sektor&quot; IN ('makanan', 'minuman')" symbol="7" label="Food &amp; beverages" key="berkembang.pangan"/>
          <rule filter="&quot;sektor&quot; IN ('tenun_cual', 'batik', 'rajutan', 'konveksi')" symbol="8" label="Textiles &amp; clothing" key="berkembang.tekstil"/>
          <rule filter="&quot;sektor&quot; IN ('anyaman')" symbol="9" label="Woven crafts" key="berkembang.anyaman"/>
          <rule filter="&quot;sektor&quot; IN ('pewter')" symbol="10" label="Pewter &amp; metal" key="berkembang.logam"/>
          <rule filter="&quot;sektor&quot; IN ('batu_satam', 'aksesoris')" symbol="11" label="Jewellery &amp; accessories" key="berkembang.perhiasan"/>
          <rule filter="&quot;sektor&quot; IN ('kerajinan_kayu')" symbol="12" label="Woodcraft" key="berkembang.kayu"/>
          <rule filter="ELSE" symbol="13" label="Other sector / not filled in" key="berkembang.lainnya"/>
        </rule>
        <rule filter="&quot;tahap&quot; = 'maju'" label="IR 3 Advanced" key="maju">
          <rule filter="&quot;sektor&quot; IN ('makanan', 'minuman')" symbol="14" label="Food &amp; beverages" key="maju.pangan"/>
          <rule filter="&quot;sektor&quot; IN ('tenun_cual', 'batik', 'rajutan', 'konveksi')" symbol="15" label="Textiles &amp; clothing" key="maju.tekstil"/>
          <rule filter="&quot;sektor&quot; IN ('anyaman')" symbol="16" label="Woven crafts" key="maju.anyaman"/>
          <rule filter="&quot;sektor&quot; IN ('pewter')" symbol="17" label="Pewter &amp; metal" key="maju.logam"/>
          <rule filter="&quot;sektor&quot; IN ('batu_satam', 'aksesoris')" symbol="18" label="Jewellery &amp; accessories" key="maju.perhiasan"/>
          <rule filter="&quot;sektor&quot; IN ('kerajinan_kayu')" symbol="19" label="Woodcraft" key="maju.kayu"/>
          <rule filter="ELSE" symbol="20" label="Other sector / not filled in" key="maju.lainnya"/>
        </rule>
        <rule filter="ELSE" symbol="21" label="Stage not filled in / other" key="other"/>
      </rules>
      <symbols>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="0">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SvgMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="253,231,37,255"/>
              <Option type="QString" name="fixedAspectRatio" value="0"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="name" value="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIHBhbmdhbiAoZm9vZCAmIGJldmVyYWdlcyk6IGEgYm93bCB3aXRoIHN0ZWFtIC0tPgogIDxwYXRoIGZpbGw9InBhcmFtKGZpbGwpICM4ODg4ODgiIGZpbGwtb3BhY2l0eT0icGFyYW0oZmlsbC1vcGFjaXR5KSAxIiBzdHJva2U9InBhcmFtKG91dGxpbmUpICMyMzIzMjMiIHN0cm9rZS1vcGFjaXR5PSJwYXJhbShvdXRsaW5lLW9wYWNpdHkpIDEiIHN0cm9rZS13aWR0aD0icGFyYW0ob3V0bGluZS13aWR0aCkgMS4yIiBzdHJva2UtbGluZWpvaW49InJvdW5kIiBkPSJNMi41IDExLjUgSDIxLjUgQzIxLjUgMTcuNSAxNy41IDIxIDEyIDIxIEM2LjUgMjEgMi41IDE3LjUgMi41IDExLjUgWiIvPgogIDxwYXRoIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgZD0iTTcgOS41IEM1LjggNy44IDguMiA2LjIgNyAzLjUgTTEyIDkuNSBDMTAuOCA3LjggMTMuMiA2LjIgMTIgMy41IE0xNyA5LjUgQzE1LjggNy44IDE4LjIgNi4yIDE3IDMuNSIgZmlsbD0ibm9uZSIvPgo8L3N2Zz4K"/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_width" value="0.25"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option name="parameters"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="4.6"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="253,231,37,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIHBhbmdhbiAoZm9vZCAmIGJldmVyYWdlcyk6IGEgYm93bCB3aXRoIHN0ZWFtIC0tPgogIDxwYXRoIGZpbGw9InBhcmFtKGZpbGwpICM4ODg4ODgiIGZpbGwtb3BhY2l0eT0icGFyYW0oZmlsbC1vcGFjaXR5KSAxIiBzdHJva2U9InBhcmFtKG91dGxpbmUpICMyMzIzMjMiIHN0cm9rZS1vcGFjaXR5PSJwYXJhbShvdXRsaW5lLW9wYWNpdHkpIDEiIHN0cm9rZS13aWR0aD0icGFyYW0ob3V0bGluZS13aWR0aCkgMS4yIiBzdHJva2UtbGluZWpvaW49InJvdW5kIiBkPSJNMi41IDExLjUgSDIxLjUgQzIxLjUgMTcuNSAxNy41IDIxIDEyIDIxIEM2LjUgMjEgMi41IDE3LjUgMi41IDExLjUgWiIvPgogIDxwYXRoIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgZD0iTTcgOS41IEM1LjggNy44IDguMiA2LjIgNyAzLjUgTTEyIDkuNSBDMTAuOCA3LjggMTMuMiA2LjIgMTIgMy41IE0xNyA5LjUgQzE1LjggNy44IDE4LjIgNi4yIDE3IDMuNSIgZmlsbD0ibm9uZSIvPgo8L3N2Zz4K"/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.25"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="4.6"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="1">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SvgMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="253,231,37,255"/>
              <Option type="QString" name="fixedAspectRatio" value="0"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="name" value="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIHRla3N0aWwgKHdlYXZpbmcsIGJhdGlrLCBrbml0dGluZywgZ2FybWVudHMpOiBhIHNoaXJ0IC0tPgogIDxwYXRoIGZpbGw9InBhcmFtKGZpbGwpICM4ODg4ODgiIGZpbGwtb3BhY2l0eT0icGFyYW0oZmlsbC1vcGFjaXR5KSAxIiBzdHJva2U9InBhcmFtKG91dGxpbmUpICMyMzIzMjMiIHN0cm9rZS1vcGFjaXR5PSJwYXJhbShvdXRsaW5lLW9wYWNpdHkpIDEiIHN0cm9rZS13aWR0aD0icGFyYW0ob3V0bGluZS13aWR0aCkgMS4yIiBzdHJva2UtbGluZWpvaW49InJvdW5kIiBkPSJNOC41IDIuNSBDOS41IDQuMiAxNC41IDQuMiAxNS41IDIuNSBMMjIgNi41IEwxOS41IDExIEwxNy41IDEwIFYyMS41IEg2LjUgVjEwIEw0LjUgMTEgTDIgNi41IFoiLz4KPC9zdmc+Cg=="/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_width" value="0.25"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option name="parameters"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="4.6"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="253,231,37,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIHRla3N0aWwgKHdlYXZpbmcsIGJhdGlrLCBrbml0dGluZywgZ2FybWVudHMpOiBhIHNoaXJ0IC0tPgogIDxwYXRoIGZpbGw9InBhcmFtKGZpbGwpICM4ODg4ODgiIGZpbGwtb3BhY2l0eT0icGFyYW0oZmlsbC1vcGFjaXR5KSAxIiBzdHJva2U9InBhcmFtKG91dGxpbmUpICMyMzIzMjMiIHN0cm9rZS1vcGFjaXR5PSJwYXJhbShvdXRsaW5lLW9wYWNpdHkpIDEiIHN0cm9rZS13aWR0aD0icGFyYW0ob3V0bGluZS13aWR0aCkgMS4yIiBzdHJva2UtbGluZWpvaW49InJvdW5kIiBkPSJNOC41IDIuNSBDOS41IDQuMiAxNC41IDQuMiAxNS41IDIuNSBMMjIgNi41IEwxOS41IDExIEwxNy41IDEwIFYyMS41IEg2LjUgVjEwIEw0LjUgMTEgTDIgNi41IFoiLz4KPC9zdmc+Cg=="/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.25"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="4.6"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="10">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SvgMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="33,145,140,255"/>
              <Option type="QString" name="fixedAspectRatio" value="0"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="name" value="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGxvZ2FtIChwZXd0ZXIgJiBtZXRhbHdvcmspOiBhIGhleGFnb25hbCBudXQgLS0+CiAgPHBhdGggZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIGZpbGwtcnVsZT0iZXZlbm9kZCIgZD0iTTEyIDEuNSBMMjEuMSA2Ljc1IFYxNy4yNSBMMTIgMjIuNSBMMi45IDE3LjI1IFY2Ljc1IFogTTEyIDguMiBBMy44IDMuOCAwIDEgMCAxMiAxNS44IEEzLjggMy44IDAgMSAwIDEyIDguMiBaIi8+Cjwvc3ZnPgo="/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_width" value="0.25"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option name="parameters"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="4.6"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="33,145,140,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGxvZ2FtIChwZXd0ZXIgJiBtZXRhbHdvcmspOiBhIGhleGFnb25hbCBudXQgLS0+CiAgPHBhdGggZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIGZpbGwtcnVsZT0iZXZlbm9kZCIgZD0iTTEyIDEuNSBMMjEuMSA2Ljc1IFYxNy4yNSBMMTIgMjIuNSBMMi45IDE3LjI1IFY2Ljc1IFogTTEyIDguMiBBMy44IDMuOCAwIDEgMCAxMiAxNS44IEEzLjggMy44IDAgMSAwIDEyIDguMiBaIi8+Cjwvc3ZnPgo="/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.25"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="4.6"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="11">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SvgMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="33,145,140,255"/>
              <Option type="QString" name="fixedAspectRatio" value="0"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="name" value="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIHBlcmhpYXNhbiAoc2F0YW0gc3RvbmUsIGpld2VsbGVyeSwgYWNjZXNzb3JpZXMpOiBhIGN1dCBnZW0gLS0+CiAgPHBhdGggZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIGQ9Ik02LjUgMyBIMTcuNSBMMjIgOSBMMTIgMjEuNSBMMiA5IFoiLz4KICA8cGF0aCBzdHJva2U9InBhcmFtKG91dGxpbmUpICMyMzIzMjMiIHN0cm9rZS1vcGFjaXR5PSJwYXJhbShvdXRsaW5lLW9wYWNpdHkpIDEiIHN0cm9rZS13aWR0aD0icGFyYW0ob3V0bGluZS13aWR0aCkgMS4yIiBzdHJva2UtbGluZWpvaW49InJvdW5kIiBzdHJva2UtbGluZWNhcD0icm91bmQiIGZpbGw9Im5vbmUiIGQ9Ik0yIDkgSDIyIE05IDkgTDEyIDIxLjUgTDE1IDkgTTYuNSAzIEw5IDkgTDEyIDMgTDE1IDkgTDE3LjUgMyIvPgo8L3N2Zz4K"/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_width" value="0.25"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option name="parameters"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="4.6"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="33,145,140,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIHBlcmhpYXNhbiAoc2F0YW0gc3RvbmUsIGpld2VsbGVyeSwgYWNjZXNzb3JpZXMpOiBhIGN1dCBnZW0gLS0+CiAgPHBhdGggZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIGQ9Ik02LjUgMyBIMTcuNSBMMjIgOSBMMTIgMjEuNSBMMiA5IFoiLz4KICA8cGF0aCBzdHJva2U9InBhcmFtKG91dGxpbmUpICMyMzIzMjMiIHN0cm9rZS1vcGFjaXR5PSJwYXJhbShvdXRsaW5lLW9wYWNpdHkpIDEiIHN0cm9rZS13aWR0aD0icGFyYW0ob3V0bGluZS13aWR0aCkgMS4yIiBzdHJva2UtbGluZWpvaW49InJvdW5kIiBzdHJva2UtbGluZWNhcD0icm91bmQiIGZpbGw9Im5vbmUiIGQ9Ik0yIDkgSDIyIE05IDkgTDEyIDIxLjUgTDE1IDkgTTYuNSAzIEw5IDkgTDEyIDMgTDE1IDkgTDE3LjUgMyIvPgo8L3N2Zz4K"/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.25"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="4.6"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="12">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SvgMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="33,145,140,255"/>
              <Option type="QString" name="fixedAspectRatio" value="0"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="name" value="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGtheXUgKHdvb2RjcmFmdCk6IGEgdHJlZSAtLT4KICA8cGF0aCBmaWxsPSJwYXJhbShmaWxsKSAjODg4ODg4IiBmaWxsLW9wYWNpdHk9InBhcmFtKGZpbGwtb3BhY2l0eSkgMSIgc3Ryb2tlPSJwYXJhbShvdXRsaW5lKSAjMjMyMzIzIiBzdHJva2Utb3BhY2l0eT0icGFyYW0ob3V0bGluZS1vcGFjaXR5KSAxIiBzdHJva2Utd2lkdGg9InBhcmFtKG91dGxpbmUtd2lkdGgpIDEuMiIgc3Ryb2tlLWxpbmVqb2luPSJyb3VuZCIgZD0iTTEyIDEuNSBMMjAuNSAxNiBIMTQgVjIyIEgxMCBWMTYgSDMuNSBaIi8+Cjwvc3ZnPgo="/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_width" value="0.25"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option name="parameters"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="4.6"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="33,145,140,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGtheXUgKHdvb2RjcmFmdCk6IGEgdHJlZSAtLT4KICA8cGF0aCBmaWxsPSJwYXJhbShmaWxsKSAjODg4ODg4IiBmaWxsLW9wYWNpdHk9InBhcmFtKGZpbGwtb3BhY2l0eSkgMSIgc3Ryb2tlPSJwYXJhbShvdXRsaW5lKSAjMjMyMzIzIiBzdHJva2Utb3BhY2l0eT0icGFyYW0ob3V0bGluZS1vcGFjaXR5KSAxIiBzdHJva2Utd2lkdGg9InBhcmFtKG91dGxpbmUtd2lkdGgpIDEuMiIgc3Ryb2tlLWxpbmVqb2luPSJyb3VuZCIgZD0iTTEyIDEuNSBMMjAuNSAxNiBIMTQgVjIyIEgxMCBWMTYgSDMuNSBaIi8+Cjwvc3ZnPgo="/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.25"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="4.6"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="13">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SvgMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="33,145,140,255"/>
              <Option type="QString" name="fixedAspectRatio" value="0"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="name" value="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGxhaW5ueWEgKG90aGVyKTogYSBzcXVhcmUgLS0+CiAgPHJlY3QgZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHg9IjQiIHk9IjQiIHdpZHRoPSIxNiIgaGVpZ2h0PSIxNiIgcng9IjIuNSIvPgo8L3N2Zz4K"/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_width" value="0.25"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option name="parameters"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="4.6"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="33,145,140,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGxhaW5ueWEgKG90aGVyKTogYSBzcXVhcmUgLS0+CiAgPHJlY3QgZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHg9IjQiIHk9IjQiIHdpZHRoPSIxNiIgaGVpZ2h0PSIxNiIgcng9IjIuNSIvPgo8L3N2Zz4K"/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.25"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="4.6"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="14">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SvgMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="68,1,84,255"/>
              <Option type="QString" name="fixedAspectRatio" value="0"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="name" value="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIHBhbmdhbiAoZm9vZCAmIGJldmVyYWdlcyk6IGEgYm93bCB3aXRoIHN0ZWFtIC0tPgogIDxwYXRoIGZpbGw9InBhcmFtKGZpbGwpICM4ODg4ODgiIGZpbGwtb3BhY2l0eT0icGFyYW0oZmlsbC1vcGFjaXR5KSAxIiBzdHJva2U9InBhcmFtKG91dGxpbmUpICMyMzIzMjMiIHN0cm9rZS1vcGFjaXR5PSJwYXJhbShvdXRsaW5lLW9wYWNpdHkpIDEiIHN0cm9rZS13aWR0aD0icGFyYW0ob3V0bGluZS13aWR0aCkgMS4yIiBzdHJva2UtbGluZWpvaW49InJvdW5kIiBkPSJNMi41IDExLjUgSDIxLjUgQzIxLjUgMTcuNSAxNy41IDIxIDEyIDIxIEM2LjUgMjEgMi41IDE3LjUgMi41IDExLjUgWiIvPgogIDxwYXRoIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgZD0iTTcgOS41IEM1LjggNy44IDguMiA2LjIgNyAzLjUgTTEyIDkuNSBDMTAuOCA3LjggMTMuMiA2LjIgMTIgMy41IE0xNyA5LjUgQzE1LjggNy44IDE4LjIgNi4yIDE3IDMuNSIgZmlsbD0ibm9uZSIvPgo8L3N2Zz4K"/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_width" value="0.25"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option name="parameters"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="4.6"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="68,1,84,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIHBhbmdhbiAoZm9vZCAmIGJldmVyYWdlcyk6IGEgYm93bCB3aXRoIHN0ZWFtIC0tPgogIDxwYXRoIGZpbGw9InBhcmFtKGZpbGwpICM4ODg4ODgiIGZpbGwtb3BhY2l0eT0icGFyYW0oZmlsbC1vcGFjaXR5KSAxIiBzdHJva2U9InBhcmFtKG91dGxpbmUpICMyMzIzMjMiIHN0cm9rZS1vcGFjaXR5PSJwYXJhbShvdXRsaW5lLW9wYWNpdHkpIDEiIHN0cm9rZS13aWR0aD0icGFyYW0ob3V0bGluZS13aWR0aCkgMS4yIiBzdHJva2UtbGluZWpvaW49InJvdW5kIiBkPSJNMi41IDExLjUgSDIxLjUgQzIxLjUgMTcuNSAxNy41IDIxIDEyIDIxIEM2LjUgMjEgMi41IDE3LjUgMi41IDExLjUgWiIvPgogIDxwYXRoIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgZD0iTTcgOS41IEM1LjggNy44IDguMiA2LjIgNyAzLjUgTTEyIDkuNSBDMTAuOCA3LjggMTMuMiA2LjIgMTIgMy41IE0xNyA5LjUgQzE1LjggNy44IDE4LjIgNi4yIDE3IDMuNSIgZmlsbD0ibm9uZSIvPgo8L3N2Zz4K"/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.25"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="4.6"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="15">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SvgMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="68,1,84,255"/>
              <Option type="QString" name="fixedAspectRatio" value="0"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="name" value="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIHRla3N0aWwgKHdlYXZpbmcsIGJhdGlrLCBrbml0dGluZywgZ2FybWVudHMpOiBhIHNoaXJ0IC0tPgogIDxwYXRoIGZpbGw9InBhcmFtKGZpbGwpICM4ODg4ODgiIGZpbGwtb3BhY2l0eT0icGFyYW0oZmlsbC1vcGFjaXR5KSAxIiBzdHJva2U9InBhcmFtKG91dGxpbmUpICMyMzIzMjMiIHN0cm9rZS1vcGFjaXR5PSJwYXJhbShvdXRsaW5lLW9wYWNpdHkpIDEiIHN0cm9rZS13aWR0aD0icGFyYW0ob3V0bGluZS13aWR0aCkgMS4yIiBzdHJva2UtbGluZWpvaW49InJvdW5kIiBkPSJNOC41IDIuNSBDOS41IDQuMiAxNC41IDQuMiAxNS41IDIuNSBMMjIgNi41IEwxOS41IDExIEwxNy41IDEwIFYyMS41IEg2LjUgVjEwIEw0LjUgMTEgTDIgNi41IFoiLz4KPC9zdmc+Cg=="/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_width" value="0.25"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option name="parameters"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="4.6"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="68,1,84,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIHRla3N0aWwgKHdlYXZpbmcsIGJhdGlrLCBrbml0dGluZywgZ2FybWVudHMpOiBhIHNoaXJ0IC0tPgogIDxwYXRoIGZpbGw9InBhcmFtKGZpbGwpICM4ODg4ODgiIGZpbGwtb3BhY2l0eT0icGFyYW0oZmlsbC1vcGFjaXR5KSAxIiBzdHJva2U9InBhcmFtKG91dGxpbmUpICMyMzIzMjMiIHN0cm9rZS1vcGFjaXR5PSJwYXJhbShvdXRsaW5lLW9wYWNpdHkpIDEiIHN0cm9rZS13aWR0aD0icGFyYW0ob3V0bGluZS13aWR0aCkgMS4yIiBzdHJva2UtbGluZWpvaW49InJvdW5kIiBkPSJNOC41IDIuNSBDOS41IDQuMiAxNC41IDQuMiAxNS41IDIuNSBMMjIgNi41IEwxOS41IDExIEwxNy41IDEwIFYyMS41IEg2LjUgVjEwIEw0LjUgMTEgTDIgNi41IFoiLz4KPC9zdmc+Cg=="/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.25"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="4.6"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="16">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SvgMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="68,1,84,255"/>
              <Option type="QString" name="fixedAspectRatio" value="0"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="name" value="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGFueWFtYW4gKHdvdmVuIGJhbWJvbywgcmF0dGFuLCByZXNhbSwgcGFuZGFuKTogYSBiYXNrZXQgLS0+CiAgPHBhdGggZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIGQ9Ik0yLjUgOCBIMjEuNSBMMTguNSAyMS41IEg1LjUgWiIvPgogIDxwYXRoIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgZmlsbD0ibm9uZSIgZD0iTTMuOCAxMyBIMjAuMiBNNC45IDE3LjUgSDE5LjEgTTkgOCBMOS44IDIxLjUgTTE1IDggTDE0LjIgMjEuNSIvPgogIDxwYXRoIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgZmlsbD0ibm9uZSIgZD0iTTYgOCBDNiAxLjUgMTggMS41IDE4IDgiLz4KPC9zdmc+Cg=="/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_width" value="0.25"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option name="parameters"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="4.6"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="68,1,84,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGFueWFtYW4gKHdvdmVuIGJhbWJvbywgcmF0dGFuLCByZXNhbSwgcGFuZGFuKTogYSBiYXNrZXQgLS0+CiAgPHBhdGggZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIGQ9Ik0yLjUgOCBIMjEuNSBMMTguNSAyMS41IEg1LjUgWiIvPgogIDxwYXRoIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgZmlsbD0ibm9uZSIgZD0iTTMuOCAxMyBIMjAuMiBNNC45IDE3LjUgSDE5LjEgTTkgOCBMOS44IDIxLjUgTTE1IDggTDE0LjIgMjEuNSIvPgogIDxwYXRoIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgZmlsbD0ibm9uZSIgZD0iTTYgOCBDNiAxLjUgMTggMS41IDE4IDgiLz4KPC9zdmc+Cg=="/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.25"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="4.6"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="17">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SvgMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="68,1,84,255"/>
              <Option type="QString" name="fixedAspectRatio" value="0"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="name" value="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGxvZ2FtIChwZXd0ZXIgJiBtZXRhbHdvcmspOiBhIGhleGFnb25hbCBudXQgLS0+CiAgPHBhdGggZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIGZpbGwtcnVsZT0iZXZlbm9kZCIgZD0iTTEyIDEuNSBMMjEuMSA2Ljc1IFYxNy4yNSBMMTIgMjIuNSBMMi45IDE3LjI1IFY2Ljc1IFogTTEyIDguMiBBMy44IDMuOCAwIDEgMCAxMiAxNS44IEEzLjggMy44IDAgMSAwIDEyIDguMiBaIi8+Cjwvc3ZnPgo="/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_width" value="0.25"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option name="parameters"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="4.6"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="68,1,84,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGxvZ2FtIChwZXd0ZXIgJiBtZXRhbHdvcmspOiBhIGhleGFnb25hbCBudXQgLS0+CiAgPHBhdGggZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIGZpbGwtcnVsZT0iZXZlbm9kZCIgZD0iTTEyIDEuNSBMMjEuMSA2Ljc1IFYxNy4yNSBMMTIgMjIuNSBMMi45IDE3LjI1IFY2Ljc1IFogTTEyIDguMiBBMy44IDMuOCAwIDEgMCAxMiAxNS44IEEzLjggMy44IDAgMSAwIDEyIDguMiBaIi8+Cjwvc3ZnPgo="/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.25"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="4.6"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="18">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SvgMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="68,1,84,255"/>
              <Option type="QString" name="fixedAspectRatio" value="0"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="name" value="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIHBlcmhpYXNhbiAoc2F0YW0gc3RvbmUsIGpld2VsbGVyeSwgYWNjZXNzb3JpZXMpOiBhIGN1dCBnZW0gLS0+CiAgPHBhdGggZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIGQ9Ik02LjUgMyBIMTcuNSBMMjIgOSBMMTIgMjEuNSBMMiA5IFoiLz4KICA8cGF0aCBzdHJva2U9InBhcmFtKG91dGxpbmUpICMyMzIzMjMiIHN0cm9rZS1vcGFjaXR5PSJwYXJhbShvdXRsaW5lLW9wYWNpdHkpIDEiIHN0cm9rZS13aWR0aD0icGFyYW0ob3V0bGluZS13aWR0aCkgMS4yIiBzdHJva2UtbGluZWpvaW49InJvdW5kIiBzdHJva2UtbGluZWNhcD0icm91bmQiIGZpbGw9Im5vbmUiIGQ9Ik0yIDkgSDIyIE05IDkgTDEyIDIxLjUgTDE1IDkgTTYuNSAzIEw5IDkgTDEyIDMgTDE1IDkgTDE3LjUgMyIvPgo8L3N2Zz4K"/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_width" value="0.25"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option name="parameters"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="4.6"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="68,1,84,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIHBlcmhpYXNhbiAoc2F0YW0gc3RvbmUsIGpld2VsbGVyeSwgYWNjZXNzb3JpZXMpOiBhIGN1dCBnZW0gLS0+CiAgPHBhdGggZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIGQ9Ik02LjUgMyBIMTcuNSBMMjIgOSBMMTIgMjEuNSBMMiA5IFoiLz4KICA8cGF0aCBzdHJva2U9InBhcmFtKG91dGxpbmUpICMyMzIzMjMiIHN0cm9rZS1vcGFjaXR5PSJwYXJhbShvdXRsaW5lLW9wYWNpdHkpIDEiIHN0cm9rZS13aWR0aD0icGFyYW0ob3V0bGluZS13aWR0aCkgMS4yIiBzdHJva2UtbGluZWpvaW49InJvdW5kIiBzdHJva2UtbGluZWNhcD0icm91bmQiIGZpbGw9Im5vbmUiIGQ9Ik0yIDkgSDIyIE05IDkgTDEyIDIxLjUgTDE1IDkgTTYuNSAzIEw5IDkgTDEyIDMgTDE1IDkgTDE3LjUgMyIvPgo8L3N2Zz4K"/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.25"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="4.6"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="19">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SvgMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="68,1,84,255"/>
              <Option type="QString" name="fixedAspectRatio" value="0"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="name" value="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGtheXUgKHdvb2RjcmFmdCk6IGEgdHJlZSAtLT4KICA8cGF0aCBmaWxsPSJwYXJhbShmaWxsKSAjODg4ODg4IiBmaWxsLW9wYWNpdHk9InBhcmFtKGZpbGwtb3BhY2l0eSkgMSIgc3Ryb2tlPSJwYXJhbShvdXRsaW5lKSAjMjMyMzIzIiBzdHJva2Utb3BhY2l0eT0icGFyYW0ob3V0bGluZS1vcGFjaXR5KSAxIiBzdHJva2Utd2lkdGg9InBhcmFtKG91dGxpbmUtd2lkdGgpIDEuMiIgc3Ryb2tlLWxpbmVqb2luPSJyb3VuZCIgZD0iTTEyIDEuNSBMMjAuNSAxNiBIMTQgVjIyIEgxMCBWMTYgSDMuNSBaIi8+Cjwvc3ZnPgo="/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_width" value="0.25"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option name="parameters"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="4.6"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="68,1,84,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGtheXUgKHdvb2RjcmFmdCk6IGEgdHJlZSAtLT4KICA8cGF0aCBmaWxsPSJwYXJhbShmaWxsKSAjODg4ODg4IiBmaWxsLW9wYWNpdHk9InBhcmFtKGZpbGwtb3BhY2l0eSkgMSIgc3Ryb2tlPSJwYXJhbShvdXRsaW5lKSAjMjMyMzIzIiBzdHJva2Utb3BhY2l0eT0icGFyYW0ob3V0bGluZS1vcGFjaXR5KSAxIiBzdHJva2Utd2lkdGg9InBhcmFtKG91dGxpbmUtd2lkdGgpIDEuMiIgc3Ryb2tlLWxpbmVqb2luPSJyb3VuZCIgZD0iTTEyIDEuNSBMMjAuNSAxNiBIMTQgVjIyIEgxMCBWMTYgSDMuNSBaIi8+Cjwvc3ZnPgo="/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.25"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="4.6"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="2">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SvgMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="253,231,37,255"/>
              <Option type="QString" name="fixedAspectRatio" value="0"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="name" value="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGFueWFtYW4gKHdvdmVuIGJhbWJvbywgcmF0dGFuLCByZXNhbSwgcGFuZGFuKTogYSBiYXNrZXQgLS0+CiAgPHBhdGggZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIGQ9Ik0yLjUgOCBIMjEuNSBMMTguNSAyMS41IEg1LjUgWiIvPgogIDxwYXRoIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgZmlsbD0ibm9uZSIgZD0iTTMuOCAxMyBIMjAuMiBNNC45IDE3LjUgSDE5LjEgTTkgOCBMOS44IDIxLjUgTTE1IDggTDE0LjIgMjEuNSIvPgogIDxwYXRoIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgZmlsbD0ibm9uZSIgZD0iTTYgOCBDNiAxLjUgMTggMS41IDE4IDgiLz4KPC9zdmc+Cg=="/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_width" value="0.25"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option name="parameters"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="4.6"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="253,231,37,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGFueWFtYW4gKHdvdmVuIGJhbWJvbywgcmF0dGFuLCByZXNhbSwgcGFuZGFuKTogYSBiYXNrZXQgLS0+CiAgPHBhdGggZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIGQ9Ik0yLjUgOCBIMjEuNSBMMTguNSAyMS41IEg1LjUgWiIvPgogIDxwYXRoIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgZmlsbD0ibm9uZSIgZD0iTTMuOCAxMyBIMjAuMiBNNC45IDE3LjUgSDE5LjEgTTkgOCBMOS44IDIxLjUgTTE1IDggTDE0LjIgMjEuNSIvPgogIDxwYXRoIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgZmlsbD0ibm9uZSIgZD0iTTYgOCBDNiAxLjUgMTggMS41IDE4IDgiLz4KPC9zdmc+Cg=="/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.25"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="4.6"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="20">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SvgMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="68,1,84,255"/>
              <Option type="QString" name="fixedAspectRatio" value="0"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="name" value="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGxhaW5ueWEgKG90aGVyKTogYSBzcXVhcmUgLS0+CiAgPHJlY3QgZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHg9IjQiIHk9IjQiIHdpZHRoPSIxNiIgaGVpZ2h0PSIxNiIgcng9IjIuNSIvPgo8L3N2Zz4K"/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_width" value="0.25"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option name="parameters"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="4.6"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="68,1,84,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGxhaW5ueWEgKG90aGVyKTogYSBzcXVhcmUgLS0+CiAgPHJlY3QgZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHg9IjQiIHk9IjQiIHdpZHRoPSIxNiIgaGVpZ2h0PSIxNiIgcng9IjIuNSIvPgo8L3N2Zz4K"/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.25"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="4.6"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="21">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="cap_style" value="square"/>
              <Option type="QString" name="color" value="217,217,217,255"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="joinstyle" value="bevel"/>
              <Option type="QString" name="name" value="circle"/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_style" value="solid"/>
              <Option type="QString" name="outline_width" value="0.3"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="3.4"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="cap_style" v="square"/>
            <prop k="color" v="217,217,217,255"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="joinstyle" v="bevel"/>
            <prop k="name" v="circle"/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_style" v="solid"/>
            <prop k="outline_width" v="0.3"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="3.4"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="3">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SvgMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="253,231,37,255"/>
              <Option type="QString" name="fixedAspectRatio" value="0"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="name" value="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGxvZ2FtIChwZXd0ZXIgJiBtZXRhbHdvcmspOiBhIGhleGFnb25hbCBudXQgLS0+CiAgPHBhdGggZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIGZpbGwtcnVsZT0iZXZlbm9kZCIgZD0iTTEyIDEuNSBMMjEuMSA2Ljc1IFYxNy4yNSBMMTIgMjIuNSBMMi45IDE3LjI1IFY2Ljc1IFogTTEyIDguMiBBMy44IDMuOCAwIDEgMCAxMiAxNS44IEEzLjggMy44IDAgMSAwIDEyIDguMiBaIi8+Cjwvc3ZnPgo="/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_width" value="0.25"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option name="parameters"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="4.6"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="253,231,37,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGxvZ2FtIChwZXd0ZXIgJiBtZXRhbHdvcmspOiBhIGhleGFnb25hbCBudXQgLS0+CiAgPHBhdGggZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIGZpbGwtcnVsZT0iZXZlbm9kZCIgZD0iTTEyIDEuNSBMMjEuMSA2Ljc1IFYxNy4yNSBMMTIgMjIuNSBMMi45IDE3LjI1IFY2Ljc1IFogTTEyIDguMiBBMy44IDMuOCAwIDEgMCAxMiAxNS44IEEzLjggMy44IDAgMSAwIDEyIDguMiBaIi8+Cjwvc3ZnPgo="/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.25"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="4.6"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="4">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SvgMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="253,231,37,255"/>
              <Option type="QString" name="fixedAspectRatio" value="0"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="name" value="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIHBlcmhpYXNhbiAoc2F0YW0gc3RvbmUsIGpld2VsbGVyeSwgYWNjZXNzb3JpZXMpOiBhIGN1dCBnZW0gLS0+CiAgPHBhdGggZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIGQ9Ik02LjUgMyBIMTcuNSBMMjIgOSBMMTIgMjEuNSBMMiA5IFoiLz4KICA8cGF0aCBzdHJva2U9InBhcmFtKG91dGxpbmUpICMyMzIzMjMiIHN0cm9rZS1vcGFjaXR5PSJwYXJhbShvdXRsaW5lLW9wYWNpdHkpIDEiIHN0cm9rZS13aWR0aD0icGFyYW0ob3V0bGluZS13aWR0aCkgMS4yIiBzdHJva2UtbGluZWpvaW49InJvdW5kIiBzdHJva2UtbGluZWNhcD0icm91bmQiIGZpbGw9Im5vbmUiIGQ9Ik0yIDkgSDIyIE05IDkgTDEyIDIxLjUgTDE1IDkgTTYuNSAzIEw5IDkgTDEyIDMgTDE1IDkgTDE3LjUgMyIvPgo8L3N2Zz4K"/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_width" value="0.25"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option name="parameters"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="4.6"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="253,231,37,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIHBlcmhpYXNhbiAoc2F0YW0gc3RvbmUsIGpld2VsbGVyeSwgYWNjZXNzb3JpZXMpOiBhIGN1dCBnZW0gLS0+CiAgPHBhdGggZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIGQ9Ik02LjUgMyBIMTcuNSBMMjIgOSBMMTIgMjEuNSBMMiA5IFoiLz4KICA8cGF0aCBzdHJva2U9InBhcmFtKG91dGxpbmUpICMyMzIzMjMiIHN0cm9rZS1vcGFjaXR5PSJwYXJhbShvdXRsaW5lLW9wYWNpdHkpIDEiIHN0cm9rZS13aWR0aD0icGFyYW0ob3V0bGluZS13aWR0aCkgMS4yIiBzdHJva2UtbGluZWpvaW49InJvdW5kIiBzdHJva2UtbGluZWNhcD0icm91bmQiIGZpbGw9Im5vbmUiIGQ9Ik0yIDkgSDIyIE05IDkgTDEyIDIxLjUgTDE1IDkgTTYuNSAzIEw5IDkgTDEyIDMgTDE1IDkgTDE3LjUgMyIvPgo8L3N2Zz4K"/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.25"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="4.6"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="5">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SvgMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="253,231,37,255"/>
              <Option type="QString" name="fixedAspectRatio" value="0"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="name" value="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGtheXUgKHdvb2RjcmFmdCk6IGEgdHJlZSAtLT4KICA8cGF0aCBmaWxsPSJwYXJhbShmaWxsKSAjODg4ODg4IiBmaWxsLW9wYWNpdHk9InBhcmFtKGZpbGwtb3BhY2l0eSkgMSIgc3Ryb2tlPSJwYXJhbShvdXRsaW5lKSAjMjMyMzIzIiBzdHJva2Utb3BhY2l0eT0icGFyYW0ob3V0bGluZS1vcGFjaXR5KSAxIiBzdHJva2Utd2lkdGg9InBhcmFtKG91dGxpbmUtd2lkdGgpIDEuMiIgc3Ryb2tlLWxpbmVqb2luPSJyb3VuZCIgZD0iTTEyIDEuNSBMMjAuNSAxNiBIMTQgVjIyIEgxMCBWMTYgSDMuNSBaIi8+Cjwvc3ZnPgo="/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_width" value="0.25"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option name="parameters"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="4.6"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="253,231,37,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGtheXUgKHdvb2RjcmFmdCk6IGEgdHJlZSAtLT4KICA8cGF0aCBmaWxsPSJwYXJhbShmaWxsKSAjODg4ODg4IiBmaWxsLW9wYWNpdHk9InBhcmFtKGZpbGwtb3BhY2l0eSkgMSIgc3Ryb2tlPSJwYXJhbShvdXRsaW5lKSAjMjMyMzIzIiBzdHJva2Utb3BhY2l0eT0icGFyYW0ob3V0bGluZS1vcGFjaXR5KSAxIiBzdHJva2Utd2lkdGg9InBhcmFtKG91dGxpbmUtd2lkdGgpIDEuMiIgc3Ryb2tlLWxpbmVqb2luPSJyb3VuZCIgZD0iTTEyIDEuNSBMMjAuNSAxNiBIMTQgVjIyIEgxMCBWMTYgSDMuNSBaIi8+Cjwvc3ZnPgo="/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.25"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="4.6"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="6">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SvgMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="253,231,37,255"/>
              <Option type="QString" name="fixedAspectRatio" value="0"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="name" value="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGxhaW5ueWEgKG90aGVyKTogYSBzcXVhcmUgLS0+CiAgPHJlY3QgZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHg9IjQiIHk9IjQiIHdpZHRoPSIxNiIgaGVpZ2h0PSIxNiIgcng9IjIuNSIvPgo8L3N2Zz4K"/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_width" value="0.25"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option name="parameters"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="4.6"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="253,231,37,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGxhaW5ueWEgKG90aGVyKTogYSBzcXVhcmUgLS0+CiAgPHJlY3QgZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHg9IjQiIHk9IjQiIHdpZHRoPSIxNiIgaGVpZ2h0PSIxNiIgcng9IjIuNSIvPgo8L3N2Zz4K"/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.25"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="4.6"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="7">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SvgMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="33,145,140,255"/>
              <Option type="QString" name="fixedAspectRatio" value="0"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="name" value="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIHBhbmdhbiAoZm9vZCAmIGJldmVyYWdlcyk6IGEgYm93bCB3aXRoIHN0ZWFtIC0tPgogIDxwYXRoIGZpbGw9InBhcmFtKGZpbGwpICM4ODg4ODgiIGZpbGwtb3BhY2l0eT0icGFyYW0oZmlsbC1vcGFjaXR5KSAxIiBzdHJva2U9InBhcmFtKG91dGxpbmUpICMyMzIzMjMiIHN0cm9rZS1vcGFjaXR5PSJwYXJhbShvdXRsaW5lLW9wYWNpdHkpIDEiIHN0cm9rZS13aWR0aD0icGFyYW0ob3V0bGluZS13aWR0aCkgMS4yIiBzdHJva2UtbGluZWpvaW49InJvdW5kIiBkPSJNMi41IDExLjUgSDIxLjUgQzIxLjUgMTcuNSAxNy41IDIxIDEyIDIxIEM2LjUgMjEgMi41IDE3LjUgMi41IDExLjUgWiIvPgogIDxwYXRoIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgZD0iTTcgOS41IEM1LjggNy44IDguMiA2LjIgNyAzLjUgTTEyIDkuNSBDMTAuOCA3LjggMTMuMiA2LjIgMTIgMy41IE0xNyA5LjUgQzE1LjggNy44IDE4LjIgNi4yIDE3IDMuNSIgZmlsbD0ibm9uZSIvPgo8L3N2Zz4K"/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_width" value="0.25"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option name="parameters"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="4.6"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="33,145,140,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIHBhbmdhbiAoZm9vZCAmIGJldmVyYWdlcyk6IGEgYm93bCB3aXRoIHN0ZWFtIC0tPgogIDxwYXRoIGZpbGw9InBhcmFtKGZpbGwpICM4ODg4ODgiIGZpbGwtb3BhY2l0eT0icGFyYW0oZmlsbC1vcGFjaXR5KSAxIiBzdHJva2U9InBhcmFtKG91dGxpbmUpICMyMzIzMjMiIHN0cm9rZS1vcGFjaXR5PSJwYXJhbShvdXRsaW5lLW9wYWNpdHkpIDEiIHN0cm9rZS13aWR0aD0icGFyYW0ob3V0bGluZS13aWR0aCkgMS4yIiBzdHJva2UtbGluZWpvaW49InJvdW5kIiBkPSJNMi41IDExLjUgSDIxLjUgQzIxLjUgMTcuNSAxNy41IDIxIDEyIDIxIEM2LjUgMjEgMi41IDE3LjUgMi41IDExLjUgWiIvPgogIDxwYXRoIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgZD0iTTcgOS41IEM1LjggNy44IDguMiA2LjIgNyAzLjUgTTEyIDkuNSBDMTAuOCA3LjggMTMuMiA2LjIgMTIgMy41IE0xNyA5LjUgQzE1LjggNy44IDE4LjIgNi4yIDE3IDMuNSIgZmlsbD0ibm9uZSIvPgo8L3N2Zz4K"/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.25"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="4.6"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="8">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SvgMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="33,145,140,255"/>
              <Option type="QString" name="fixedAspectRatio" value="0"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="name" value="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIHRla3N0aWwgKHdlYXZpbmcsIGJhdGlrLCBrbml0dGluZywgZ2FybWVudHMpOiBhIHNoaXJ0IC0tPgogIDxwYXRoIGZpbGw9InBhcmFtKGZpbGwpICM4ODg4ODgiIGZpbGwtb3BhY2l0eT0icGFyYW0oZmlsbC1vcGFjaXR5KSAxIiBzdHJva2U9InBhcmFtKG91dGxpbmUpICMyMzIzMjMiIHN0cm9rZS1vcGFjaXR5PSJwYXJhbShvdXRsaW5lLW9wYWNpdHkpIDEiIHN0cm9rZS13aWR0aD0icGFyYW0ob3V0bGluZS13aWR0aCkgMS4yIiBzdHJva2UtbGluZWpvaW49InJvdW5kIiBkPSJNOC41IDIuNSBDOS41IDQuMiAxNC41IDQuMiAxNS41IDIuNSBMMjIgNi41IEwxOS41IDExIEwxNy41IDEwIFYyMS41IEg2LjUgVjEwIEw0LjUgMTEgTDIgNi41IFoiLz4KPC9zdmc+Cg=="/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_width" value="0.25"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option name="parameters"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="4.6"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="33,145,140,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIHRla3N0aWwgKHdlYXZpbmcsIGJhdGlrLCBrbml0dGluZywgZ2FybWVudHMpOiBhIHNoaXJ0IC0tPgogIDxwYXRoIGZpbGw9InBhcmFtKGZpbGwpICM4ODg4ODgiIGZpbGwtb3BhY2l0eT0icGFyYW0oZmlsbC1vcGFjaXR5KSAxIiBzdHJva2U9InBhcmFtKG91dGxpbmUpICMyMzIzMjMiIHN0cm9rZS1vcGFjaXR5PSJwYXJhbShvdXRsaW5lLW9wYWNpdHkpIDEiIHN0cm9rZS13aWR0aD0icGFyYW0ob3V0bGluZS13aWR0aCkgMS4yIiBzdHJva2UtbGluZWpvaW49InJvdW5kIiBkPSJNOC41IDIuNSBDOS41IDQuMiAxNC41IDQuMiAxNS41IDIuNSBMMjIgNi41IEwxOS41IDExIEwxNy41IDEwIFYyMS41IEg2LjUgVjEwIEw0LjUgMTEgTDIgNi41IFoiLz4KPC9zdmc+Cg=="/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.25"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="4.6"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
        <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="9">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SvgMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="33,145,140,255"/>
              <Option type="QString" name="fixedAspectRatio" value="0"/>
              <Option type="QString" name="horizontal_anchor_point" value="1"/>
              <Option type="QString" name="name" value="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGFueWFtYW4gKHdvdmVuIGJhbWJvbywgcmF0dGFuLCByZXNhbSwgcGFuZGFuKTogYSBiYXNrZXQgLS0+CiAgPHBhdGggZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIGQ9Ik0yLjUgOCBIMjEuNSBMMTguNSAyMS41IEg1LjUgWiIvPgogIDxwYXRoIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgZmlsbD0ibm9uZSIgZD0iTTMuOCAxMyBIMjAuMiBNNC45IDE3LjUgSDE5LjEgTTkgOCBMOS44IDIxLjUgTTE1IDggTDE0LjIgMjEuNSIvPgogIDxwYXRoIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgZmlsbD0ibm9uZSIgZD0iTTYgOCBDNiAxLjUgMTggMS41IDE4IDgiLz4KPC9zdmc+Cg=="/>
              <Option type="QString" name="offset" value="0,0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="outline_color" value="35,35,35,255"/>
              <Option type="QString" name="outline_width" value="0.25"/>
              <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option name="parameters"/>
              <Option type="QString" name="scale_method" value="diameter"/>
              <Option type="QString" name="size" value="4.6"/>
              <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="size_unit" value="MM"/>
              <Option type="QString" name="vertical_anchor_point" value="1"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="33,145,140,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="base64:PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIgaGVpZ2h0PSIyNCIgdmlld0JveD0iMCAwIDI0IDI0Ij4KICA8IS0tIGFueWFtYW4gKHdvdmVuIGJhbWJvbywgcmF0dGFuLCByZXNhbSwgcGFuZGFuKTogYSBiYXNrZXQgLS0+CiAgPHBhdGggZmlsbD0icGFyYW0oZmlsbCkgIzg4ODg4OCIgZmlsbC1vcGFjaXR5PSJwYXJhbShmaWxsLW9wYWNpdHkpIDEiIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIGQ9Ik0yLjUgOCBIMjEuNSBMMTguNSAyMS41IEg1LjUgWiIvPgogIDxwYXRoIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgZmlsbD0ibm9uZSIgZD0iTTMuOCAxMyBIMjAuMiBNNC45IDE3LjUgSDE5LjEgTTkgOCBMOS44IDIxLjUgTTE1IDggTDE0LjIgMjEuNSIvPgogIDxwYXRoIHN0cm9rZT0icGFyYW0ob3V0bGluZSkgIzIzMjMyMyIgc3Ryb2tlLW9wYWNpdHk9InBhcmFtKG91dGxpbmUtb3BhY2l0eSkgMSIgc3Ryb2tlLXdpZHRoPSJwYXJhbShvdXRsaW5lLXdpZHRoKSAxLjIiIHN0cm9rZS1saW5lam9pbj0icm91bmQiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgZmlsbD0ibm9uZSIgZD0iTTYgOCBDNiAxLjUgMTggMS41IDE4IDgiLz4KPC9zdmc+Cg=="/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.25"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="4.6"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
      </symbols>
    </renderer-v2>
    <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="centerSymbol">
      <data_defined_properties>
        <Option type="Map">
          <Option type="QString" name="name" value=""/>
          <Option name="properties"/>
          <Option type="QString" name="type" value="collection"/>
        </Option>
      </data_defined_properties>
      <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
        <Option type="Map">
          <Option type="QString" name="angle" value="0"/>
          <Option type="QString" name="cap_style" value="square"/>
          <Option type="QString" name="color" value="61,61,61,255"/>
          <Option type="QString" name="horizontal_anchor_point" value="1"/>
          <Option type="QString" name="joinstyle" value="bevel"/>
          <Option type="QString" name="name" value="circle"/>
          <Option type="QString" name="offset" value="0,0"/>
          <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
          <Option type="QString" name="offset_unit" value="MM"/>
          <Option type="QString" name="outline_color" value="255,255,255,255"/>
          <Option type="QString" name="outline_style" value="solid"/>
          <Option type="QString" name="outline_width" value="0.4"/>
          <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
          <Option type="QString" name="outline_width_unit" value="MM"/>
          <Option type="QString" name="scale_method" value="diameter"/>
          <Option type="QString" name="size" value="5"/>
          <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
          <Option type="QString" name="size_unit" value="MM"/>
          <Option type="QString" name="vertical_anchor_point" value="1"/>
        </Option>
        <prop k="angle" v="0"/>
        <prop k="cap_style" v="square"/>
        <prop k="color" v="61,61,61,255"/>
        <prop k="horizontal_anchor_point" v="1"/>
        <prop k="joinstyle" v="bevel"/>
        <prop k="name" v="circle"/>
        <prop k="offset" v="0,0"/>
        <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
        <prop k="offset_unit" v="MM"/>
        <prop k="outline_color" v="255,255,255,255"/>
        <prop k="outline_style" v="solid"/>
        <prop k="outline_width" v="0.4"/>
        <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
        <prop k="outline_width_unit" v="MM"/>
        <prop k="scale_method" v="diameter"/>
        <prop k="size" v="5"/>
        <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
        <prop k="size_unit" v="MM"/>
        <prop k="vertical_anchor_point" v="1"/>
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" name="name" value=""/>
            <Option type="Map" name="properties">
              <Option type="Map" name="fillColor">
                <Option type="bool" name="active" value="true"/>
                <Option type="QString" name="expression" value="coalesce(@cluster_color, with_variable('ir_class', coalesce(try(eval('ir_cluster_class(@layer_id, $id, @map_extent)')), &quot;tahap&quot;), CASE WHEN @ir_class = 'pemula' THEN '#fde725' WHEN @ir_class = 'berkembang' THEN '#21918c' WHEN @ir_class = 'maju' THEN '#440154' ELSE '#3d3d3d' END))"/>
                <Option type="int" name="type" value="3"/>
              </Option>
              <Option type="Map" name="size">
                <Option type="bool" name="active" value="true"/>
                <Option type="QString" name="expression" value="min(7.5, 4.0 + 0.7 * ln(@cluster_size))"/>
                <Option type="int" name="type" value="3"/>
              </Option>
            </Option>
            <Option type="QString" name="type" value="collection"/>
          </Option>
        </data_defined_properties>
      </layer>
      <layer class="FontMarker" enabled="1" locked="0" pass="0">
        <Option type="Map">
          <Option type="QString" name="angle" value="0"/>
          <Option type="QString" name="chr" value=""/>
          <Option type="QString" name="color" value="255,255,255,255"/>
          <Option type="QString" name="font" value="Sans Serif"/>
          <Option type="QString" name="font_style" value="Bold"/>
          <Option type="QString" name="horizontal_anchor_point" value="1"/>
          <Option type="QString" name="joinstyle" value="miter"/>
          <Option type="QString" name="offset" value="0,0"/>
          <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
          <Option type="QString" name="offset_unit" value="MM"/>
          <Option type="QString" name="outline_color" value="35,35,35,255"/>
          <Option type="QString" name="outline_width" value="0.25"/>
          <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
          <Option type="QString" name="outline_width_unit" value="MM"/>
          <Option type="QString" name="size" value="2.6"/>
          <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
          <Option type="QString" name="size_unit" value="MM"/>
          <Option type="QString" name="vertical_anchor_point" value="1"/>
        </Option>
        <prop k="angle" v="0"/>
        <prop k="chr" v=""/>
        <prop k="color" v="255,255,255,255"/>
        <prop k="font" v="Sans Serif"/>
        <prop k="font_style" v="Bold"/>
        <prop k="horizontal_anchor_point" v="1"/>
        <prop k="joinstyle" v="miter"/>
        <prop k="offset" v="0,0"/>
        <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
        <prop k="offset_unit" v="MM"/>
        <prop k="outline_color" v="35,35,35,255"/>
        <prop k="outline_width" v="0.25"/>
        <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
        <prop k="outline_width_unit" v="MM"/>
        <prop k="size" v="2.6"/>
        <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
        <prop k="size_unit" v="MM"/>
        <prop k="vertical_anchor_point" v="1"/>
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" name="name" value=""/>
            <Option type="Map" name="properties">
              <Option type="Map" name="char">
                <Option type="bool" name="active" value="true"/>
                <Option type="QString" name="expression" value="@cluster_size"/>
                <Option type="int" name="type" value="3"/>
              </Option>
            </Option>
            <Option type="QString" name="type" value="collection"/>
          </Option>
        </data_defined_properties>
      </layer>
    </symbol>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fieldName="nama_usaha" fontWeight="50" useSubstitutions="0" capitalization="0" fontSizeMapUnitScale="3x:0,0,0,0,0,0" textOrientation="horizontal" legendString="Aa" textColor="26,26,26,255" fontSize="8" fontUnderline="0" fontStrikeout="0" fontLetterSpacing="0" textOpacity="1" blendMode="0" fontItalic="0" fontWordSpacing="0" fontSizeUnit="Point" previewBkgrdColor="255,255,255,255" fontKerning="1" fontFamily="Sans Serif" allowHtml="0" isExpression="0" namedStyle="" multilineHeight="1">
        <families/>
        <text-buffer bufferJoinStyle="128" bufferSize="0.80000000000000004" bufferSizeMapUnitScale="3x:0,0,0,0,0,0" bufferDraw="1" bufferBlendMode="0" bufferNoFill="1" bufferColor="255,255,255,255" bufferOpacity="1" bufferSizeUnits="MM"/>
        <text-mask maskOpacity="1" maskedSymbolLayers="" maskSizeUnits="MM" maskJoinStyle="128" maskType="0" maskSizeMapUnitScale="3x:0,0,0,0,0,0" maskEnabled="0" maskSize="1.5"/>
        <background shapeDraw="0" shapeRadiiX="0" shapeOpacity="1" shapeRadiiY="0" shapeOffsetMapUnitScale="3x:0,0,0,0,0,0" shapeFillColor="255,255,255,255" shapeBorderWidth="0" shapeSizeMapUnitScale="3x:0,0,0,0,0,0" shapeRadiiMapUnitScale="3x:0,0,0,0,0,0" shapeBorderWidthUnit="MM" shapeRotationType="0" shapeSVGFile="" shapeJoinStyle="64" shapeBorderColor="128,128,128,255" shapeBorderWidthMapUnitScale="3x:0,0,0,0,0,0" shapeRotation="0" shapeType="0" shapeOffsetUnit="MM" shapeRadiiUnit="MM" shapeOffsetX="0" shapeSizeX="0" shapeOffsetY="0" shapeSizeY="0" shapeBlendMode="0" shapeSizeUnit="MM" shapeSizeType="0">
          <symbol type="fill" force_rhr="0" clip_to_extent="1" alpha="1" name="fillSymbol">
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
            <layer class="SimpleFill" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option type="QString" name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
                <Option type="QString" name="color" value="255,255,255,255"/>
                <Option type="QString" name="joinstyle" value="bevel"/>
                <Option type="QString" name="offset" value="0,0"/>
                <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
                <Option type="QString" name="offset_unit" value="MM"/>
                <Option type="QString" name="outline_color" value="128,128,128,255"/>
                <Option type="QString" name="outline_style" value="no"/>
                <Option type="QString" name="outline_width" value="0"/>
                <Option type="QString" name="outline_width_unit" value="MM"/>
                <Option type="QString" name="style" value="solid"/>
              </Option>
              <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="color" v="255,255,255,255"/>
              <prop k="joinstyle" v="bevel"/>
              <prop k="offset" v="0,0"/>
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="offset_unit" v="MM"/>
              <prop k="outline_color" v="128,128,128,255"/>
              <prop k="outline_style" v="no"/>
              <prop k="outline_width" v="0"/>
              <prop k="outline_width_unit" v="MM"/>
              <prop k="style" v="solid"/>
              <data_defined_properties>
                <Option type="Map">
                  <Option type="QString" name="name" value=""/>
                  <Option name="properties"/>
                  <Option type="QString" name="type" value="collection"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </background>
        <shadow shadowRadiusMapUnitScale="3x:0,0,0,0,0,0" shadowRadiusAlphaOnly="0" shadowOffsetUnit="MM" shadowOffsetGlobal="1" shadowUnder="0" shadowOpacity="0.69999999999999996" shadowColor="0,0,0,255" shadowDraw="0" shadowOffsetMapUnitScale="3x:0,0,0,0,0,0" shadowRadius="1.5" shadowScale="100" shadowOffsetAngle="135" shadowBlendMode="6" shadowOffsetDist="1" shadowRadiusUnit="MM"/>
        <dd_properties>
          <Option type="Map">
            <Option type="QString" name="name" value=""/>
            <Option name="properties"/>
            <Option type="QString" name="type" value="collection"/>
          </Option>
        </dd_properties>
        <substitutions/>
      </text-style>
      <text-format placeDirectionSymbol="0" plussign="0" formatNumbers="0" rightDirectionSymbol=">" multilineAlign="3" reverseDirectionSymbol="0" useMaxLineLengthForAutoWrap="1" decimals="3" wrapChar="" autoWrapLength="0" leftDirectionSymbol="&lt;" addDirectionSymbol="0"/>
      <placement placementFlags="10" rotationUnit="AngleDegrees" rotationAngle="0" yOffset="0" xOffset="0" overrunDistanceMapUnitScale="3x:0,0,0,0,0,0" overrunDistance="0" geometryGeneratorEnabled="0" layerType="UnknownGeometry" labelOffsetMapUnitScale="3x:0,0,0,0,0,0" lineAnchorClipping="0" placement="6" repeatDistanceMapUnitScale="3x:0,0,0,0,0,0" lineAnchorPercent="0.5" geometryGenerator="" maxCurvedCharAngleIn="25" geometryGeneratorType="PointGeometry" preserveRotation="1" distMapUnitScale="3x:0,0,0,0,0,0" quadOffset="4" centroidInside="0" maxCurvedCharAngleOut="-25" overrunDistanceUnit="MM" polygonPlacementFlags="2" distUnits="MM" predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR" lineAnchorType="0" offsetType="0" repeatDistanceUnits="MM" repeatDistance="0" fitInPolygonOnly="0" centroidWhole="0" dist="1" offsetUnits="MM" priority="3"/>
      <rendering upsidedownLabels="0" unplacedVisibility="0" obstacleType="1" displayAll="0" scaleMin="0" zIndex="0" scaleVisibility="1" minFeatureSize="0" fontLimitPixelSize="0" drawLabels="1" limitNumLabels="0" labelPerPart="0" maxNumLabels="2000" obstacle="1" fontMaxPixelSize="10000" scaleMax="25000" obstacleFactor="2" fontMinPixelSize="0" mergeLines="0"/>
      <dd_properties>
        <Option type="Map">
          <Option type="QString" name="name" value=""/>
          <Option type="Map" name="properties">
            <Option type="Map" name="PredefinedPositionOrder">
              <Option type="bool" name="active" value="true"/>
              <Option type="QString" name="expression" value="coalesce(nullif(try(eval('ir_label_positions(@layer_id, $id, @map_extent)')), ''), 'TR,TL,BR,BL,R,L,TSR,BSR')"/>
              <Option type="int" name="type" value="3"/>
            </Option>
            <Option type="Map" name="Show">
              <Option type="bool" name="active" value="true"/>
              <Option type="QString" name="expression" value="with_variable('ir_places', try(eval('ir_label_positions(@layer_id, $id, @map_extent)')), if(@ir_places IS NULL, coalesce(try(eval('ir_neighbour_m(@layer_id, $id)')) > 7.0 * coalesce(@map_scale, 25000) / 1000.0, true), @ir_places &lt;> ''))"/>
              <Option type="int" name="type" value="3"/>
            </Option>
          </Option>
          <Option type="QString" name="type" value="collection"/>
        </Option>
      </dd_properties>
      <callout type="simple">
        <Option type="Map">
          <Option type="QString" name="anchorPoint" value="pole_of_inaccessibility"/>
          <Option type="int" name="blendMode" value="0"/>
          <Option type="Map" name="ddProperties">
            <Option type="QString" name="name" value=""/>
            <Option name="properties"/>
            <Option type="QString" name="type" value="collection"/>
          </Option>
          <Option type="bool" name="drawToAllParts" value="false"/>
          <Option type="QString" name="enabled" value="0"/>
          <Option type="QString" name="labelAnchorPoint" value="point_on_exterior"/>
          <Option type="QString" name="lineSymbol" value="&lt;symbol type=&quot;line&quot; force_rhr=&quot;0&quot; clip_to_extent=&quot;1&quot; alpha=&quot;1&quot; name=&quot;symbol&quot;>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option type=&quot;QString&quot; name=&quot;name&quot; value=&quot;&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;type&quot; value=&quot;collection&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;layer class=&quot;SimpleLine&quot; enabled=&quot;1&quot; locked=&quot;0&quot; pass=&quot;0&quot;>&lt;Option type=&quot;Map&quot;>&lt;Option type=&quot;QString&quot; name=&quot;align_dash_pattern&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;capstyle&quot; value=&quot;square&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;customdash&quot; value=&quot;5;2&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;customdash_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;customdash_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;dash_pattern_offset&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;dash_pattern_offset_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;dash_pattern_offset_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;draw_inside_polygon&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;joinstyle&quot; value=&quot;bevel&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;line_color&quot; value=&quot;60,60,60,255&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;line_style&quot; value=&quot;solid&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;line_width&quot; value=&quot;0.3&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;line_width_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;offset&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;offset_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;offset_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;ring_filter&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_end&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_end_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_end_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_start&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_start_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_start_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;tweak_dash_pattern_on_corners&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;use_custom_dash&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;width_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;/Option>&lt;prop k=&quot;align_dash_pattern&quot; v=&quot;0&quot;/>&lt;prop k=&quot;capstyle&quot; v=&quot;square&quot;/>&lt;prop k=&quot;customdash&quot; v=&quot;5;2&quot;/>&lt;prop k=&quot;customdash_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;customdash_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;dash_pattern_offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;dash_pattern_offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;dash_pattern_offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;draw_inside_polygon&quot; v=&quot;0&quot;/>&lt;prop k=&quot;joinstyle&quot; v=&quot;bevel&quot;/>&lt;prop k=&quot;line_color&quot; v=&quot;60,60,60,255&quot;/>&lt;prop k=&quot;line_style&quot; v=&quot;solid&quot;/>&lt;prop k=&quot;line_width&quot; v=&quot;0.3&quot;/>&lt;prop k=&quot;line_width_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;ring_filter&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_end_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;trim_distance_start&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_start_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_start_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;tweak_dash_pattern_on_corners&quot; v=&quot;0&quot;/>&lt;prop k=&quot;use_custom_dash&quot; v=&quot;0&quot;/>&lt;prop k=&quot;width_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option type=&quot;QString&quot; name=&quot;name&quot; value=&quot;&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;type&quot; value=&quot;collection&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;/layer>&lt;/symbol>"/>
          <Option type="double" name="minLength" value="0"/>
          <Option type="QString" name="minLengthMapUnitScale" value="3x:0,0,0,0,0,0"/>
          <Option type="QString" name="minLengthUnit" value="MM"/>
          <Option type="double" name="offsetFromAnchor" value="0"/>
          <Option type="QString" name="offsetFromAnchorMapUnitScale" value="3x:0,0,0,0,0,0"/>
          <Option type="QString" name="offsetFromAnchorUnit" value="MM"/>
          <Option type="double" name="offsetFromLabel" value="0"/>
          <Option type="QString" name="offsetFromLabelMapUnitScale" value="3x:0,0,0,0,0,0"/>
          <Option type="QString" name="offsetFromLabelUnit" value="MM"/>
        </Option>
      </callout>
    </settings>
  </labeling>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerGeometryType>0</layerGeometryType>
</qgis>
