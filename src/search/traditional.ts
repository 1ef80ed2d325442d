/**
 * Common Traditional-only characters (about 500): each is one OpenCC's Taiwan → Simplified
 * converter changes, and none is written in Simplified text. Generated once from OpenCC's
 * Simplified → Traditional mappings (OpenCC, Taiwan and Hong Kong standards) of the handbook's
 * own characters and some 500 of the commonest characters that differ, keeping only results
 * that are not themselves Simplified characters. Characters written alike in both scripts
 * (著, 只, 干 …) are left out on purpose, so a Simplified query never loads the converter.
 */
export const TRADITIONAL_ONLY =
  '並亂亞佔來個們偉偵備傳傷僅價儀億優兒內兩冊別則剛創劃劇劉動務勝勞勢勸匯區協卻厲參吳員問啓啟單嗎噴噸嚇嚴' +
  '國圍園圖團執堅報場塊壓壽夠夢夥夾奪婦孫學宮實寧審寫寵寶將專尋對導屆層屬崗帥師帳帶幫幹幾庫廁廟廢廣廳張強' +
  '彌後徑從復徵惡愛態慮慶憑憶懇應戀戰戲戶採換揮搶撲擁擇擔據擠擬擱擴擾敘敵數斷於時晝暢書會東條棄業極榮構' +
  '樂樓標樣樹橋機橫檔檢欄權歡歲歷歸殘殼氣汙決沒況涇淺測湯準溝溫溼滅滯滿漢漲潔潤澤濃濕濟災為烏無煉熱燈燒營' +
  '爭爲爺爾牆牽狀獎獨獲獻現環產畝畫當療發盡監盤盧眾確碼礎祕禮種稱積窮競筆節範篩簡籠糧糾紀約紅納紙級紛細紹' +
  '終組結絡給統絲經綜綠維綱網緊線編緩練縣縮縱總織繞繼續罷羅羣義習聞聯聲職聽腦臨臺與興舉舊華萬葉蓋薦藍藝蘋' +
  '蘭處號虧蝦蟲衆術衛衝裏補裝裡見規視親覺觀觸訂計討訓記訪設訴評詞試話該詳認語誠說説誰課誼調談請論諸講謝' +
  '證識議護讀變讓豐豬負財貧責貴買費貼資賊賓賞賠賣質購贊趕踐蹤躍車軟軸較載輔輕輛輸轄轉辦辭辯農這連進遊運過' +
  '達違遞遠適遲遷選還邊郵鄉鄭鄰醜醫釋針鈴銀銜鋪鋼錄錢錨錯鍵鍾鎮鏈鐵鑽長門開間閱閲關闢陣陰陳陸陽隊階際隨隱' +
  '雙雜雞離難雲電霧靈鞏響頁項順須預領頭頻題願類顧顯風飛飯飲養餘館饋馬驗驚驟髒體鬥魚鳥鳳鹽麗麼黃點黨齊齒龍';
